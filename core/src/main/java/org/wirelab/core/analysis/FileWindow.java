package org.wirelab.core.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.pcap.CaptureSegments;
import org.wirelab.core.pcap.FileReading;
import org.wirelab.core.summary.PacketTable;
import org.wirelab.core.summary.SummaryDecoder;

/**
 * The analysis of the frames of a capture file that one frame's tree and explanation, or one TCP stream's
 * ladder, need, without analysing the whole file at once: the frame's conversation (or the stream) from its
 * first frame to its last, analysed after the parts of the file before it ({@link CaptureAnalysis#after}),
 * so that its frames get the numbers, times, streams, TCP analysis and states the whole file's analysis
 * gives them. A TCP stream's states and its explanations look only at that stream's frames, which all lie in
 * the window; a UDP datagram needs nothing of the frames before it that the parts do not carry (a DNS
 * message's earlier transactions and an ICMP echo reply's request are carried, however far back); an ICMP
 * error's datagram is looked for among the frames just before it ({@link IcmpQuote#LOOKBACK}), which a
 * frame outside any conversation gets in its window.
 *
 * <p>The file is read twice, a part at a time: first the summaries and conversations alone, to find where
 * the conversation begins and ends; then the analysis, carried from part to part up to the window. Memory
 * holds a part or the window, whichever is larger: a TCP stream as long as the file is the whole file. A
 * file of one part is read once, that part being the window.
 */
public final class FileWindow {
    private final CaptureAnalysis analysis;
    private final int tcpStreams;
    private final FileReading reading;

    private FileWindow(CaptureAnalysis analysis, Outline outline) {
        this.analysis = analysis;
        this.tcpStreams = outline.tcpStreams;
        this.reading = outline.reading;
    }

    /**
     * The window of frame {@code frameIndex} (0-based) of {@code file}, read {@code partFrames} frames at a
     * time; {@link #found()} is false when the file has no such frame.
     */
    public static FileWindow aroundFrame(Path file, int partFrames, int frameIndex) throws IOException {
        Outline outline = Outline.read(file, partFrames, frameIndex, ConversationIndex.NONE);
        if (frameIndex < 0 || frameIndex >= outline.reading.frames()) {
            return new FileWindow(null, outline);
        }
        Conversation conversation = outline.conversation();
        if (conversation == null) {
            return outline.window(file, partFrames, Math.max(0, frameIndex - IcmpQuote.LOOKBACK), frameIndex);
        }
        if (conversation.protocol() == Conversation.Protocol.UDP) {
            // A datagram needs nothing of the frames before it that the parts do not carry (DNS transactions).
            return outline.window(file, partFrames, frameIndex, frameIndex);
        }
        // A TCP segment needs its whole stream: whether it arrived is proven by a later segment.
        return outline.window(file, partFrames, conversation.firstFrameIndex(), conversation.lastFrameIndex());
    }

    /**
     * The window of TCP stream {@code stream} ({@code tcp.stream}) of {@code file}; {@link #found()} is false
     * when the file has no such stream.
     */
    public static FileWindow ofTcpStream(Path file, int partFrames, int stream) throws IOException {
        Outline outline = Outline.read(file, partFrames, -1, stream);
        if (stream < 0 || stream >= outline.tcpStreams) {
            return new FileWindow(null, outline);
        }
        Conversation conversation = outline.conversations.tcpConversation(stream);
        return outline.window(file, partFrames, conversation.firstFrameIndex(), conversation.lastFrameIndex());
    }

    /** Whether the file has the frame or stream asked for. */
    public boolean found() {
        return analysis != null;
    }

    /**
     * The analysis of the window's frames: its index {@code i} is frame {@code i + 1} of the window's
     * frames, frame {@code analysis().frames().firstIndex() + i + 1} of the file.
     */
    public CaptureAnalysis analysis() {
        if (analysis == null) {
            throw new IllegalStateException("the file has no such frame or stream");
        }
        return analysis;
    }

    /** The window's index of the file's frame {@code fileIndex} (0-based). */
    public int indexOf(int fileIndex) {
        return fileIndex - analysis().frames().firstIndex();
    }

    /** What the first reading found of the whole file: its frames, its damage, its format. */
    public FileReading reading() {
        return reading;
    }

    /** TCP streams in the whole file. */
    public int tcpStreamCount() {
        return tcpStreams;
    }

    /** The first reading: the file's conversations and its size, and the one part when there is only one. */
    private static final class Outline {
        FileReading reading;
        int tcpStreams;
        ConversationIndex conversations;
        int tcpStream = ConversationIndex.NONE;
        int udpStream = ConversationIndex.NONE;
        /** The file's only part, analysed: the window whatever the target, or null when there were several. */
        CaptureAnalysis single;

        static Outline read(Path file, int partFrames, int frameIndex, int stream) throws IOException {
            Outline outline = new Outline();
            try (CaptureSegments segments = CaptureSegments.open(file, partFrames)) {
                FrameStore first = segments.next();
                if (first != null) {
                    PacketTable firstPackets = new SummaryDecoder().decode(first);
                    outline.conversations = ConversationIndex.build(first, firstPackets);
                    outline.find(first, frameIndex);
                    FrameStore frames = segments.next();
                    if (frames == null) {
                        outline.single = CaptureAnalysis.of(first, firstPackets);
                    }
                    for (; frames != null; frames = segments.next()) {
                        outline.conversations = ConversationIndex.after(outline.conversations, frames,
                                new SummaryDecoder().decode(frames));
                        outline.find(frames, frameIndex);
                    }
                }
                outline.reading = segments.reading();
                outline.tcpStreams = outline.conversations == null ? 0 : outline.conversations.tcpStreamCount();
            }
            return outline;
        }

        /** Notes the streams of frame {@code frameIndex} of the file if it is in {@code frames}. */
        private void find(FrameStore frames, int frameIndex) {
            int i = frameIndex - frames.firstIndex();
            if (i >= 0 && i < frames.size()) {
                tcpStream = conversations.tcpStream(i);
                udpStream = conversations.udpStream(i);
            }
        }

        /** The conversation of the frame looked for, or null when it has none. */
        Conversation conversation() {
            return tcpStream != ConversationIndex.NONE ? conversations.tcpConversation(tcpStream)
                    : udpStream != ConversationIndex.NONE ? conversations.udpConversation(udpStream) : null;
        }

        /** The second reading: the analysis carried over the parts before frame {@code first}, then the window. */
        FileWindow window(Path file, int partFrames, int first, int last) throws IOException {
            conversations = null;   // the second reading numbers them again: not held twice
            if (single != null) {
                return new FileWindow(single, this);
            }
            try (CaptureSegments segments = CaptureSegments.open(file, partFrames)) {
                CaptureAnalysis analysis = null;
                while (segments.framesRead() < first) {
                    FrameStore frames = segments.next(Math.min(partFrames, first - segments.framesRead()));
                    if (analysis == null) {
                        analysis = CaptureAnalysis.of(frames);
                        analysis.carryPairs();   // the window's DNS and ICMP messages may pair with any before
                    } else {
                        analysis = CaptureAnalysis.after(analysis, frames);
                    }
                }
                FrameStore window = segments.next(last - first + 1);
                if (window == null || window.size() < last - first + 1) {
                    throw new IOException(file + " changed while it was read");
                }
                return new FileWindow(analysis == null ? CaptureAnalysis.of(window)
                        : CaptureAnalysis.after(analysis, window), this);
            }
        }
    }
}
