package org.wirelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wirelab.core.protocol.tcp.Tcp.ACK;
import static org.wirelab.core.protocol.tcp.Tcp.FIN;
import static org.wirelab.core.protocol.tcp.Tcp.PSH;
import static org.wirelab.core.protocol.tcp.Tcp.SYN;

import org.wirelab.core.protocol.tcp.Tcp;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wirelab.core.analysis.TcpTrace.Socket;
import org.wirelab.core.protocol.tcp.TcpOption;
import org.wirelab.core.fields.Field;
import org.wirelab.core.fields.FieldCatalog;
import org.wirelab.core.frame.FrameStore;

/**
 * Mutated and truncated frames never make the conversation index, the TCP analysis or any catalog
 * field throw, and every frame keeps a stream index that is either none or a valid conversation.
 */
class AnalysisRobustnessPropertiesTest {
    private static final List<byte[]> TEMPLATES = templates();

    /** One frame to append: a template, a byte to overwrite, a value, and bytes cut from the end. */
    record Mutation(int template, int where, byte value, int cut) {
    }

    @Property(tries = 300)
    void mutatedCapturesAnalyseWithoutThrowing(@ForAll("captures") List<Mutation> mutations) {
        FrameStore frames = new FrameStore();
        long t = 1_700_000_000_000_000_000L;
        for (Mutation m : mutations) {
            byte[] bytes = TEMPLATES.get(m.template()).clone();
            bytes[m.where() % bytes.length] = m.value();
            byte[] cut = Arrays.copyOf(bytes, Math.max(0, bytes.length - m.cut()));
            t += 1_000_000L * (m.where() % 7);
            frames.append(t, 1, cut, 0, cut.length, bytes.length);
        }
        CaptureAnalysis analysis = CaptureAnalysis.of(frames);
        assertEquals(frames.size(), analysis.size());
        ConversationIndex conversations = analysis.conversations();
        for (int i = 0; i < analysis.size(); i++) {
            int tcp = conversations.tcpStream(i);
            int udp = conversations.udpStream(i);
            assertTrue(tcp == ConversationIndex.NONE || tcp < conversations.tcpStreamCount());
            assertTrue(udp == ConversationIndex.NONE || udp < conversations.udpStreamCount());
            analysis.tcp().expertMessages(i);
        }
        for (Field field : new FieldCatalog(analysis).fields(FieldCatalog.knownNames())) {
            for (int i = 0; i < analysis.size(); i++) {
                field.text(i);
            }
        }
        for (int s = 0; s < conversations.tcpStreamCount(); s++) {
            conversations.tcpConversation(s).client();
        }
    }

    @Provide
    Arbitrary<List<Mutation>> captures() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, TEMPLATES.size() - 1),
                Arbitraries.integers().between(0, 200), Arbitraries.bytes(), Arbitraries.integers().between(0, 60))
                .as(Mutation::new);
        return mutation.list().ofMaxSize(40);
    }

    private static List<byte[]> templates() {
        Socket client = Socket.of("10.0.0.1", 40000);
        Socket server = Socket.of("10.0.0.2", 80);
        Socket v6client = Socket.of("2001:db8::1", 40000);
        Socket v6server = Socket.of("2001:db8::2", 80);
        FrameStore store = new TcpTrace()
                .tcp(client, server, 1000, 0, SYN, 64240, 0, new TcpOption.MaximumSegmentSize(1460),
                        new TcpOption.WindowScale(7))
                .tcp(server, client, 5000, 1001, SYN | ACK, 65535, 0, new TcpOption.WindowScale(2))
                .tcp(client, server, 1001, 5001, ACK, 502, 0)
                .tcp(client, server, 1001, 5001, PSH | ACK, 502, 40)
                .tcp(server, client, 5001, 1041, FIN | ACK, 0, 0)
                .tcp(v6client, v6server, 7, 0, SYN, 64800, 0, new TcpOption.WindowScale(14))
                .tcp(v6server, v6client, 9, 8, SYN | ACK, 64800, 0, new TcpOption.WindowScale(3))
                .tcp(v6client, v6server, 8, 10, PSH | ACK, 3, 30)
                .udp(client, Socket.of("10.0.0.53", 53), 30)
                .udp(v6server, v6client, 12)
                .frames();
        return java.util.stream.IntStream.range(0, store.size()).mapToObj(i -> store.frame(i).bytes()).toList();
    }
}
