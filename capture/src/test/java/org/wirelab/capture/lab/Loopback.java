package org.wirelab.capture.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Addresses and counters the lab's tests share. */
final class Loopback {
    private Loopback() {
    }

    static InetSocketAddress ipv4AnyPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static InetSocketAddress ipv6AnyPort() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("::1"), 0);
    }

    /** Sockets this JVM holds open, as the kernel counts them (Linux), or -1 where /proc is absent. */
    static long openSockets() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** Live threads of this JVM whose name starts with {@code prefix}. */
    static java.util.List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).toList();
    }
}
