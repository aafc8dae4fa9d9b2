package org.wirelab.core.pcap;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.wirelab.core.frame.FrameStore;
import org.wirelab.core.frame.LinkType;

/** Reads a whole pcap or pcapng file into a {@link FrameStore}, and describes it in a sentence. */
public final class CaptureFiles {
    /**
     * Frames are presized from the file's length at one per this many bytes: a 16-byte record header
     * plus 48 bytes of frame is about the smallest real traffic, so the columns rarely grow.
     */
    private static final int BYTES_PER_FRAME_ESTIMATE = 64;
    private static final long MAX_STORE_BYTES = Integer.MAX_VALUE - 16;

    private CaptureFiles() {
    }

    /**
     * Every frame of {@code file}. Damage after a good header ends the frames early and is reported
     * in {@link CaptureFile#warnings()}; a file that is not a capture throws {@link CaptureFormatException}.
     */
    public static CaptureFile read(Path file) throws IOException {
        return read(Files.newByteChannel(file));
    }

    /** Every frame of the capture in {@code channel} from its position on; closes the channel. */
    public static CaptureFile read(SeekableByteChannel channel) throws IOException {
        long size;
        try {
            size = channel.size() - channel.position();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try (CaptureReader reader = CaptureReader.open(channel)) {
            FrameStore frames = new FrameStore(Math.min(size, MAX_STORE_BYTES),
                    (int) Math.min(size / BYTES_PER_FRAME_ESTIMATE, Integer.MAX_VALUE - 16));
            List<String> tooBig = new ArrayList<>();
            long stored = 0;
            while (reader.next()) {
                stored += reader.capturedLength();
                if (stored > MAX_STORE_BYTES) {
                    tooBig.add("stopped before frame " + reader.frameNumber() + ": wirelab holds at most 2 GiB of"
                            + " frame bytes in memory; read larger files frame by frame with CaptureReader");
                    break;
                }
                frames.append(reader.timestampNanos(), reader.linkType(), reader.buffer(), reader.offset(),
                        reader.capturedLength(), reader.originalLength());
            }
            trimIfWasteful(frames, stored);
            List<String> warnings = new ArrayList<>(reader.warnings());
            warnings.addAll(tooBig);
            return new CaptureFile(reader.info(), frames, warnings);
        }
    }

    /**
     * The store was sized from the file, record headers and all: when that leaves more than an eighth
     * spare (small frames, pcapng's larger blocks), give it back, since the frames stay in memory for
     * the whole session and the heap budget per frame is small (issue 2, section 8).
     */
    private static void trimIfWasteful(FrameStore frames, long frameBytes) {
        long needed = frameBytes + 18L * frames.size();
        if (frames.retainedBytes() - needed > frames.retainedBytes() / 8) {
            frames.trimToSize();
        }
    }

    /**
     * One paragraph for a person: "pcapng file (little-endian), 2 interfaces: Ethernet (nanoseconds,
     * snap length 262144), ...; 6 frames." followed by the warnings, if any.
     */
    public static String describe(CaptureFile capture) {
        CaptureInfo info = capture.info();
        List<CaptureInterface> interfaces = info.interfaces();
        String order = info.byteOrder().toString().equals("LITTLE_ENDIAN") ? "little-endian" : "big-endian";
        String described = interfaces.stream()
                .map(i -> LinkType.name(i.linkType()) + " (" + i.resolutionText()
                        + (i.snapLength() == 0 ? ", no snap length" : ", snap length " + i.snapLength()) + ")")
                .distinct()
                .collect(Collectors.joining(", "));
        int frames = capture.frames().size();
        StringBuilder text = new StringBuilder();
        text.append(info.format()).append(" file (").append(order).append("), ")
                .append(interfaces.size()).append(interfaces.size() == 1 ? " interface: " : " interfaces: ")
                .append(described.isEmpty() ? "none" : described).append("; ")
                .append(frames).append(frames == 1 ? " frame." : " frames.");
        if (!capture.warnings().isEmpty()) {
            text.append(" Warnings: ").append(String.join("; ", capture.warnings())).append('.');
        }
        return text.toString();
    }
}
