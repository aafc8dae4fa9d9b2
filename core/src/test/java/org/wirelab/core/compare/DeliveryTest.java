package org.wirelab.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.scenario.Messages;
import org.wirelab.core.scenario.ScenarioLog;
import org.wirelab.core.scenario.ScenarioLog.Entry;
import org.wirelab.core.scenario.ScenarioLog.Kind;

class DeliveryTest {

    @Test
    void countsLossesDuplicatesAndLateArrivalsAsTheReceiverSawThem() {
        // Sent 0..5; 2 never came, 1 came twice, 3 came after 4.
        assertEquals(new Delivery(6, 5, 1, 1, 1), Delivery.of(6, new long[] {0, 1, 1, 4, 3, 5}));
    }

    @Test
    void everythingInOrderIsAPerfectDelivery() {
        assertEquals(new Delivery(3, 3, 0, 0, 0), Delivery.of(3, new long[] {0, 1, 2}));
    }

    @Test
    void readsTheServersLinesAndIgnoresEveryOtherLine() {
        ScenarioLog log = new ScenarioLog("compare-udp", List.of(
                new Entry(1, "server", Kind.OUTPUT, "UDP message server listening on 127.0.0.1:3000"),
                new Entry(2, "server", Kind.OUTPUT, Messages.receivedLine(1, 512, "127.0.0.1:40000", true)),
                new Entry(3, "client", Kind.ACTION, "received 512 bytes from 127.0.0.1:3000"),
                new Entry(4, "server", Kind.OUTPUT, Messages.receivedLine(0, 512, "127.0.0.1:40000", true)),
                new Entry(5, "server", Kind.NOTE, "message 2 (512 bytes) is not an output line")));
        assertEquals(new Delivery(3, 2, 1, 0, 1), Delivery.received(log, "server", 3));
        assertEquals(new Delivery(3, 1, 2, 0, 0), Delivery.echoes(log, "client", 3));
    }
}
