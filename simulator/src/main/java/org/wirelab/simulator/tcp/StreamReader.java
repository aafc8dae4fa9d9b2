package org.wirelab.simulator.tcp;

/**
 * Receives slices of a byte stream as an application reads them, without a copy: {@code bytes} from
 * {@code offset} for {@code length}, valid only during the call.
 */
@FunctionalInterface
public interface StreamReader {
    void read(byte[] bytes, int offset, int length);
}
