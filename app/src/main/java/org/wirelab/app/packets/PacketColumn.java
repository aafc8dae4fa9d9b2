package org.wirelab.app.packets;

import java.util.List;

/** One column of the packet list: its title's message key, its width, and its text for a frame. */
record PacketColumn(String titleKey, double width, Text text) {

    /** A column's text for frame {@code index} (0-based). */
    @FunctionalInterface
    interface Text {
        String of(PacketRows rows, int index);
    }

    /** Wireshark's columns, in its order; the last (Info) takes the width the others leave. */
    static final List<PacketColumn> ALL = List.of(
            new PacketColumn("packets.number", 72, PacketRows::number),
            new PacketColumn("packets.time", 100, PacketRows::time),
            new PacketColumn("packets.source", 110, PacketRows::source),
            new PacketColumn("packets.destination", 112, PacketRows::destination),
            new PacketColumn("packets.protocol", 96, PacketRows::protocol),
            new PacketColumn("packets.length", 84, PacketRows::length),
            new PacketColumn("packets.info", 160, PacketRows::info));
}
