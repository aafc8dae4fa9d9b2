package org.wirelab.simulator.tcp;

/**
 * The bytes an application hands to {@link TcpEndpoint#write(ByteSource, long, int)}: TCP copies them
 * into its send buffer slice by slice, so a long stream (a 1 GB bulk transfer) never needs one array.
 * The reading side is {@link StreamReader}. TCP knows nothing of where the bytes come from (a
 * scenario's payload, a program's reply): that is the application's business.
 */
@FunctionalInterface
public interface ByteSource {
    /** Copies bytes {@code [offset, offset + length)} of the stream into {@code target} from {@code targetOffset}. */
    void copy(long offset, byte[] target, int targetOffset, int length);

    /**
     * A length after which the stream repeats itself (byte {@code o} is byte {@code o + period()}), or 0
     * when it does not: segments of a repeating stream with the same bytes may then share one array.
     */
    default int period() {
        return 0;
    }

    /** {@code bytes}, declared to repeat every {@code period} bytes. */
    static ByteSource repeating(ByteSource bytes, int period) {
        return new ByteSource() {
            @Override
            public void copy(long offset, byte[] target, int targetOffset, int length) {
                bytes.copy(offset, target, targetOffset, length);
            }

            @Override
            public int period() {
                return period;
            }
        };
    }
}
