package org.wirelab.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.scenario.ConnectResult;
import org.wirelab.core.scenario.HalfCloseLines;
import org.wirelab.core.scenario.LabProtocol;
import org.wirelab.core.scenario.Payload;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.ScenarioCatalog;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.scenario.Service;
import org.wirelab.core.scenario.Step;
import org.wirelab.simulator.net.Fault;
import org.wirelab.simulator.scenario.ReaderPace;
import org.wirelab.simulator.tcp.KeepAlive;

/**
 * Every scenario the simulator runs: the live capture's scenarios unchanged ({@link Scenarios}), and
 * the teaching scenarios that need what no loopback shows: a lost SYN-ACK, a lost segment recovered
 * by timeout, a loss recovered by fast retransmit, a slow reader closing its window, a simultaneous
 * close. A teaching scenario is an ordinary {@link Scenario} plus what the simulated network does to
 * it: scripted faults, a link delay (unless the user sets one), a smaller MTU or receive buffer.
 */
public final class SimulatedScenarios {
    public static final String LOST_SYN_ACK = ScenarioCatalog.LOST_SYN_ACK;
    public static final String LOST_DATA = ScenarioCatalog.LOST_DATA;
    public static final String FAST_RETRANSMIT = ScenarioCatalog.FAST_RETRANSMIT;
    public static final String SLOW_READER = ScenarioCatalog.SLOW_READER;
    public static final String SIMULTANEOUS_CLOSE = ScenarioCatalog.SIMULTANEOUS_CLOSE;
    public static final String TAIL_LOSS = ScenarioCatalog.TAIL_LOSS;
    public static final String REORDERING = ScenarioCatalog.REORDERING;
    public static final String DUPLICATION = ScenarioCatalog.DUPLICATION;
    public static final String UDP_CLOSED_PORT = ScenarioCatalog.UDP_CLOSED_PORT;
    public static final String BULK_LOSS = ScenarioCatalog.BULK_LOSS;
    public static final String HALF_CLOSE = ScenarioCatalog.HALF_CLOSE;
    public static final String RST_AFTER_CLOSE = ScenarioCatalog.RST_AFTER_CLOSE;
    public static final String LOST_LAST_ACK = ScenarioCatalog.LOST_LAST_ACK;
    public static final String KEEP_ALIVE = ScenarioCatalog.KEEP_ALIVE;
    /** The client's second line in rst-after-close, as samples/make/reference_peer.py's late-writer-client sends it. */
    static final String LATE_LINE = "encore une ligne\n";

    /** The delay that makes a teaching scenario readable on a ladder diagram: 10 ms each way. */
    public static final Duration TEACHING_DELAY = ScenarioCatalog.DefaultLink.TEACHING.delay();

    private SimulatedScenarios() {
    }

    /**
     * A scenario and what the simulation does to it.
     *
     * @param delay the link delay to use when the user sets none (null: the loopback's)
     * @param mtu the MTU to use (0: the loopback's 65536)
     * @param receiveBuffer the receive buffer of every socket (0: Linux's)
     * @param pace how fast the sink server reads (null: at once)
     * @param reference the name of the real Linux captures this setup is checked against
     *     (samples/reference/NAME-client.pcap and NAME-server.pcap), null when none
     * @param bandwidth the link's rate in bit/s when the user sets none (0: no limit)
     * @param clientKeepAlive the keep-alive the clients turn on once connected (null: none)
     */
    public record Setup(Scenario scenario, List<Fault> faults, Duration delay, int mtu, int receiveBuffer,
            ReaderPace pace, String reference, long bandwidth, KeepAlive clientKeepAlive) {
        public Setup {
            faults = List.copyOf(faults);
        }

        /** A teaching setup on the catalog's link for it (Ethernet, 10 ms each way), checked against the reference of its name. */
        static Setup teaching(Scenario scenario, List<Fault> faults) {
            ScenarioCatalog.DefaultLink link = ScenarioCatalog.named(scenario.name()).link();
            return new Setup(scenario, faults, link.delay(), link.mtu(), 0, null, referenceOf(scenario), 0, null);
        }

        static Setup plain(Scenario scenario) {
            return new Setup(scenario, List.of(), null, 0, 0, null, referenceOf(scenario), 0, null);
        }

        /** Where the real captures of {@link #reference()} are, relative to the repository; null when none. */
        public String referenceFiles() {
            return ScenarioCatalog.named(name()).referenceFiles();
        }

        public String name() {
            return scenario.name();
        }

        public String summary() {
            return scenario.summary();
        }

        /**
         * {@code base} with this setup's faults (added to the base's), MTU, buffer and pace, its delay when
         * {@code userDelay} is false, and its bandwidth when the base has none.
         */
        public SimulationOptions options(SimulationOptions base, boolean userDelay) {
            List<Fault> all = new ArrayList<>(base.faults());
            all.addAll(faults);
            SimulationOptions options = base.withFaults(all);
            if (delay != null && !userDelay) {
                options = options.withLink(options.link().withDelay(delay));
            }
            if (mtu > 0) {
                options = options.withTcp(options.tcp().withMtu(mtu));
            }
            if (receiveBuffer > 0) {
                options = options.withTcp(options.tcp().withReceiveBuffer(receiveBuffer));
            }
            if (pace != null) {
                options = options.withReaderPace(pace);
            }
            if (clientKeepAlive != null) {
                options = options.withClientKeepAlive(clientKeepAlive);
            }
            if (bandwidth > 0 && options.link().bandwidthBitsPerSecond() == 0) {
                options = options.withLink(options.link().withBandwidth(bandwidth));
            }
            return options;
        }
    }

    /** The live scenarios' names, then the teaching scenarios' ({@link ScenarioCatalog}'s order). */
    public static List<String> names() {
        return ScenarioCatalog.names(ScenarioCatalog.all());
    }

    /** The setup called {@code name}; an unknown name is an error listing the known ones. */
    public static Setup named(String name, Scenarios.Parameters parameters) {
        return switch (name) {
            case LOST_SYN_ACK -> lostSynAck();
            case LOST_DATA -> lostData();
            case FAST_RETRANSMIT -> fastRetransmit();
            case SLOW_READER -> slowReader();
            case SIMULTANEOUS_CLOSE -> simultaneousClose();
            case TAIL_LOSS -> tailLoss();
            case REORDERING -> reordering();
            case DUPLICATION -> duplication();
            case UDP_CLOSED_PORT -> udpClosedPort();
            case BULK_LOSS -> bulkLoss();
            case HALF_CLOSE -> halfClose();
            case RST_AFTER_CLOSE -> rstAfterClose();
            case LOST_LAST_ACK -> lostLastAck();
            case KEEP_ALIVE -> keepAlive();
            default -> {
                if (!Scenarios.names().contains(name)) {
                    throw new IllegalArgumentException("unknown scenario '" + name + "': choose one of "
                            + String.join(", ", names()));
                }
                yield Setup.plain(Scenarios.named(name, parameters));
            }
        };
    }

    /**
     * tcp-hello whose SYN-ACK is lost: the client sends its SYN again after 1 s (RFC 6298 section 2.1),
     * while the server's own timer sends its SYN-ACK again.
     */
    public static Setup lostSynAck() {
        Scenario scenario = rename(Scenarios.tcpHello(), LOST_SYN_ACK,
                "tcp-hello whose SYN-ACK is lost: after 1 s without an answer the client sends its SYN again");
        return Setup.teaching(scenario, List.of(new Fault.DropSynAck()));
    }

    /**
     * tcp-hello whose data segment is lost: the FIN sent right after it arrives out of order and is
     * SACKed, which is enough for RACK (RFC 8985) to find the data lost a quarter of a round trip later
     * and send it again, long before the retransmission timer would.
     */
    public static Setup lostData() {
        Scenario scenario = rename(Scenarios.tcpHello(), LOST_DATA,
                "tcp-hello whose 'hello serveur\\n' segment is lost: the FIN behind it is SACKed, and RACK resends the data within two round trips");
        return Setup.teaching(scenario, List.of(new Fault.DropSequence(true, 1)));
    }

    /**
     * 30 segments of 1448 bytes over an Ethernet MTU; the 4th is lost, the segments after it make the
     * receiver repeat its ACK with SACK blocks, and the third duplicate ACK triggers the retransmission
     * (RFC 5681 section 3.2) and the SACK-based recovery (RFC 6675) with NewReno's halved window.
     */
    public static Setup fastRetransmit() {
        Scenario scenario = rename(Scenarios.tcpBulk(30 * 1448L), FAST_RETRANSMIT,
                "30 segments over a 1500-byte MTU; the 4th is lost: three duplicate ACKs, fast retransmit, fast recovery");
        // Client segments: SYN, ACK, then data; the 6th is the 4th data segment.
        return Setup.teaching(scenario, List.of(new Fault.DropNthSegment(true, 6)));
    }

    /**
     * 10 segments, the last one lost, and the client closes only a second later: no later segment can
     * reveal the loss, so the tail loss probe (RFC 8985 section 7) sends the last segment again.
     */
    public static Setup tailLoss() {
        int port = LabProtocol.TCP_PORT;
        Scenario scenario = new Scenario(TAIL_LOSS,
                "10 segments, the last one lost, then nothing for 1 s: the tail loss probe sends it again",
                List.of(new Step.Serve("server", Service.TCP_SINK, port),
                        new Step.Connect("client", "server", port, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.repeated(Scenarios.FILLER, 10 * 1448L)),
                        new Step.Pause(Duration.ofSeconds(1)),
                        new Step.Close("client"),
                        new Step.AwaitHandled("server", 1)));
        // Client segments: SYN, ACK, then data; the 12th is the 10th and last data segment.
        return Setup.teaching(scenario, List.of(new Fault.DropNthSegment(true, 12)));
    }

    /**
     * 30 segments; the 4th arrives 3 ms late, after the 5th to 10th: the receiver SACKs them, the sender
     * takes the 4th for lost and sends it again, and the receiver answers the copy with a D-SACK (RFC 2883).
     */
    public static Setup reordering() {
        Scenario scenario = rename(Scenarios.tcpBulk(30 * 1448L), REORDERING,
                "30 segments; the 4th arrives 3 ms late: SACKs, a spurious retransmission, a D-SACK");
        return Setup.teaching(scenario, List.of(new Fault.HoldNthSegment(true, 6, Duration.ofMillis(3))));
    }

    /** 30 segments; the network delivers the 4th twice, 1 ms apart: the receiver answers the copy with a D-SACK. */
    public static Setup duplication() {
        Scenario scenario = rename(Scenarios.tcpBulk(30 * 1448L), DUPLICATION,
                "30 segments; the network delivers the 4th twice: the receiver reports the copy with a D-SACK");
        return Setup.teaching(scenario, List.of(new Fault.DuplicateNthSegment(true, 6, Duration.ofMillis(1))));
    }

    /**
     * 2 MB over a 10 ms link; the 150th segment is lost at the end of slow start: one recovery, after
     * which the congestion window is 0.7 of what it was and grows back along CUBIC's curve, slowly as
     * it nears the window where the loss came (with {@code --cc reno}: half, then one segment per
     * round trip).
     */
    public static Setup bulkLoss() {
        Scenario scenario = rename(Scenarios.tcpBulk(2_000_000L), BULK_LOSS,
                "2 MB; the 150th segment is lost: one recovery, then the congestion window grows back (CUBIC's curve)");
        // Client segments: SYN, ACK, then data; the 152nd is the 150th data segment. The reference relay
        // passes a 1514-byte frame every 5 us or so (about 2 Gbit/s): a window arrives spread out, as the
        // receiver's ACKs and autotuning see it, not all in the same instant.
        Setup teaching = Setup.teaching(scenario, List.of(new Fault.DropNthSegment(true, 152)));
        return new Setup(teaching.scenario(), teaching.faults(), teaching.delay(), teaching.mtu(), 0, null,
                teaching.reference(), 2_000_000_000L, null);
    }

    /** The lab's UDP datagram to a port where nothing listens: ICMP port unreachable (RFC 1122 section 4.1.3.1). */
    public static Setup udpClosedPort() {
        Scenario scenario = new Scenario(UDP_CLOSED_PORT,
                "the lab's UDP datagram to a port where nothing listens: ICMP destination unreachable, port unreachable",
                List.of(new Step.UdpSend("client", "server", LabProtocol.UDP_PORT, Payload.text(LabProtocol.UDP_REQUEST), 1)));
        return Setup.teaching(scenario, List.of());
    }

    /**
     * 32 KiB to a server with an 8 KiB receive buffer that reads 4 KiB every 1.5 s: its window shrinks to
     * zero, the client probes it when its persist timer expires (RFC 9293 section 3.8.6.1), and each
     * read that makes room is announced by a window update.
     */
    public static Setup slowReader() {
        Scenario scenario = rename(Scenarios.tcpBulk(32 * 1024L), SLOW_READER,
                "32 KiB to a server that reads 4 KiB every 1.5 s into an 8 KiB buffer: zero window, probes, window updates");
        ScenarioCatalog.DefaultLink link = ScenarioCatalog.named(SLOW_READER).link();
        return new Setup(scenario, List.of(), link.delay(), link.mtu(),
                8 * 1024, new ReaderPace(4 * 1024, Duration.ofMillis(1500)), referenceOf(scenario), 0, null);
    }

    /**
     * Both ends close before either FIN has arrived: each goes FIN-WAIT-1, CLOSING, TIME-WAIT (RFC 9293
     * section 3.6, figure 13). The client waits 5 ms after sending (as the reference capture's client
     * does), while the server closes as soon as it has read, so the two FINs cross on the 10 ms link.
     */
    public static Setup simultaneousClose() {
        int port = LabProtocol.TCP_PORT;
        Scenario scenario = new Scenario(SIMULTANEOUS_CLOSE,
                "the client and the server close at the same moment: the FINs cross, both sides go through CLOSING",
                List.of(new Step.Serve("server", Service.LAB_TCP_SERVER, port),
                        new Step.Connect("client", "server", port, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Step.Pause(Duration.ofMillis(5)),
                        new Step.Close("client"),
                        new Step.AwaitHandled("server", 1)));
        return Setup.teaching(scenario, List.of());
    }

    /**
     * The client sends its line and shuts down only its sending direction (shutdown(SHUT_WR)): its FIN
     * goes out, and it goes on reading (FIN-WAIT-1, FIN-WAIT-2) while the server, in CLOSE-WAIT, sends
     * three lines 50 ms apart, then closes (RFC 9293 section 3.6, as the reference's programs do).
     */
    public static Setup halfClose() {
        int port = LabProtocol.TCP_PORT;
        Scenario scenario = new Scenario(HALF_CLOSE,
                "the client sends a line and shuts down its sending direction (shutdown(SHUT_WR)): it still receives the 3 lines the server sends before closing",
                List.of(new Step.Serve("server", Service.LINES_AFTER_FIN, port),
                        new Step.Connect("client", "server", port, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Step.Shutdown("client"),
                        new Step.Receive("client", Payload.text(HalfCloseLines.all())),
                        new Step.ReceiveEnd("client"),
                        new Step.Close("client"),
                        new Step.AwaitHandled("server", 1)));
        return Setup.teaching(scenario, List.of());
    }

    /**
     * The lab's server reads the hello once and closes with close(); 100 ms after its first line the
     * client, in CLOSE-WAIT, sends a second one. Nobody can read it any more: the server answers with a
     * RST (RFC 2525 section 2.17, as Linux does) and both ends are CLOSED.
     */
    public static Setup rstAfterClose() {
        int port = LabProtocol.TCP_PORT;
        Scenario scenario = new Scenario(RST_AFTER_CLOSE,
                "the server reads the hello and closes; 100 ms later the client sends a second line: the server answers with a RST",
                List.of(new Step.Serve("server", Service.LAB_TCP_SERVER, port),
                        new Step.Connect("client", "server", port, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Step.Pause(Duration.ofMillis(100)),
                        new Step.Send("client", Payload.text(LATE_LINE)),
                        new Step.AwaitHandled("server", 1)));
        return Setup.teaching(scenario, List.of());
    }

    /**
     * tcp-hello whose last segment, the client's ACK of the server's FIN, is lost: the client is in
     * TIME-WAIT, the server in LAST-ACK sends its FIN again when its retransmission timer expires, and
     * the client answers it from TIME-WAIT with the same ACK (RFC 9293 section 3.6.1).
     */
    public static Setup lostLastAck() {
        Scenario scenario = rename(Scenarios.tcpHello(), LOST_LAST_ACK,
                "tcp-hello whose last ACK is lost: the server sends its FIN again, the client in TIME-WAIT acknowledges it again");
        // Client segments: SYN, ACK, data, FIN, then the ACK of the server's FIN.
        return Setup.teaching(scenario, List.of(new Fault.DropNthSegment(true, 5)));
    }

    /**
     * The client turns keep-alive on with an idle time and interval of 1 s (Linux's defaults are 2 hours
     * and 75 s; the reference's program set TCP_KEEPIDLE and TCP_KEEPINTVL), sends its line and stays
     * idle 2.5 s: a probe 1 s after the last segment it received, answered by the server's ACK, then
     * another 1 s after that answer (RFC 1122 section 4.2.3.6).
     */
    public static Setup keepAlive() {
        int port = LabProtocol.TCP_PORT;
        Scenario scenario = new Scenario(KEEP_ALIVE,
                "the client turns keep-alive on (1 s) and stays idle 2.5 s after its line: two keep-alive probes, each answered",
                List.of(new Step.Serve("server", Service.TCP_SINK, port),
                        new Step.Connect("client", "server", port, ConnectResult.ESTABLISHED),
                        new Step.Send("client", Payload.text(LabProtocol.TCP_MESSAGE)),
                        new Step.Pause(Duration.ofMillis(2500)),
                        new Step.Close("client"),
                        new Step.AwaitHandled("server", 1)));
        Setup teaching = Setup.teaching(scenario, List.of());
        return new Setup(scenario, List.of(), teaching.delay(), teaching.mtu(), 0, null, teaching.reference(), 0,
                new KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
    }

    /** The catalog's reference for {@code scenario}. */
    private static String referenceOf(Scenario scenario) {
        return ScenarioCatalog.named(scenario.name()).reference();
    }

    private static Scenario rename(Scenario scenario, String name, String summary) {
        return new Scenario(name, summary, scenario.steps());
    }
}
