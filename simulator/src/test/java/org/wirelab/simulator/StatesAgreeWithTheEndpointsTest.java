package org.wirelab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.analysis.Conversation;
import org.wirelab.core.ladder.CaptureLadder;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.tcpstate.StateChange;
import org.wirelab.core.tcpstate.TcpState;
import org.wirelab.core.tcpstate.TcpStateTimeline;
import org.wirelab.core.tcpstate.TcpStates;
import org.wirelab.simulator.net.Packet.Marks;

/**
 * The states wirelab reads off a capture are the states the simulated endpoints really went through:
 * for each scenario, each endpoint's sequence of changes inferred from the frames equals the sequence
 * its TCP recorded (the TIME-WAIT timer's end, invisible on the wire, aside). The capture alone is used
 * (no loss marks) except where a frame nobody could see lost decides it.
 */
class StatesAgreeWithTheEndpointsTest {

    private static SimulationResult run(String name) {
        SimulatedScenarios.Setup setup = SimulatedScenarios.named(name, Scenarios.Parameters.DEFAULTS);
        SimulationResult result = Simulation.run(setup.scenario(), setup.options(SimulationOptions.defaults(), false));
        assertTrue(result.log().succeeded(), String.join("\n", result.log().lines()));
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp-hello", "chat", SimulatedScenarios.LOST_SYN_ACK,
        SimulatedScenarios.LOST_DATA, SimulatedScenarios.FAST_RETRANSMIT, SimulatedScenarios.SLOW_READER,
        SimulatedScenarios.SIMULTANEOUS_CLOSE, SimulatedScenarios.HALF_CLOSE})
    void everyEndpointGoesThroughTheStatesItsTcpRecorded(String scenario) {
        SimulationResult result = run(scenario);
        CaptureAnalysis analysis = CaptureAnalysis.of(result.frames());
        TcpStateTimeline known = TcpStates.of(analysis, index -> (result.marks().of(index + 1) & Marks.LOST) == 0);
        TcpStateTimeline guessed = TcpStates.of(analysis);
        for (int stream = 0; stream < analysis.conversations().tcpStreamCount(); stream++) {
            Conversation conversation = analysis.conversations().tcpConversation(stream);
            int clientPort = conversation.client().port();
            int serverPort = conversation.server().port();
            for (int endpoint = 0; endpoint < 2; endpoint++) {
                int local = endpoint == 0 ? clientPort : serverPort;
                int remote = endpoint == 0 ? serverPort : clientPort;
                List<String> real = new ArrayList<>();
                for (org.wirelab.simulator.tcp.StateChange c : result.states()) {
                    boolean mine = c.localPort() == local && c.remotePort() == remote;
                    // The listening socket's LISTEN is the state the timeline starts the server in, and
                    // the end of TIME-WAIT is a timer that no frame shows.
                    boolean notOnTheWire = c.to() == TcpState.LISTEN || c.from() == TcpState.TIME_WAIT;
                    if (mine && !notOnTheWire) {
                        real.add(c.from() + " -> " + c.to());
                    }
                }
                String where = scenario + " stream " + stream + (endpoint == 0 ? " client" : " server");
                assertEquals(real, changes(known, stream, endpoint), where + " (with the loss marks)");
                assertEquals(real, changes(guessed, stream, endpoint), where + " (from the capture alone)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SimulatedScenarios.SIMULTANEOUS_CLOSE})
    void crossingFinsAreDrawnCrossing(String scenario) {
        SimulationResult result = run(scenario);
        CaptureAnalysis analysis = CaptureAnalysis.of(result.frames());
        CaptureLadder ladder = CaptureLadder.of(analysis, TcpStates.of(analysis));
        List<Integer> fins = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            if ((analysis.packets().tcpFlags(i) & 0x01) != 0) {
                fins.add(i);
            }
        }
        assertEquals(2, fins.size());
        int first = fins.get(0);
        int second = fins.get(1);
        // The first FIN is taken below the row where the second leaves, and the second below the first's
        // row: drawn from their rows to their arrivals, the two arrows cross.
        assertTrue(ladder.arrivalIndex(first) > second, "first FIN taken at " + ladder.arrivalIndex(first));
        assertTrue(ladder.arrivalIndex(second) > second, "second FIN taken at " + ladder.arrivalIndex(second));
        assertEquals(ladder.fromLane(first), ladder.toLane(second));
    }

    /**
     * Each teaching scenario's frames are explained by what they show, in English and in French (with
     * the loss marks a simulator has, as the app and 'wirelab show' use them).
     */
    @ParameterizedTest(name = "{0} says {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "simultaneous-close, tcp.fin.crossing", "simultaneous-close, tcp.ack.closing",
        "lost-data, tcp.took.fin.hole", "lost-data, tcp.retransmission.sack",
        "fast-retransmit, tcp.retransmission.fast", "fast-retransmit, tcp.sack",
        "slow-reader, tcp.probe.zerowindow", "slow-reader, tcp.probe.answer.zero", "slow-reader, tcp.window.open",
        "lost-syn-ack, tcp.syn.again", "lost-syn-ack, tcp.synack.again",
        "half-close, tcp.fin.shutdown", "half-close, tcp.data.halfclosed", "half-close, tcp.ack.halfclosed",
    })
    void teachingScenariosAreExplainedByTheirCause(String scenario, String key) {
        SimulationResult result = run(scenario);
        CaptureAnalysis analysis = CaptureAnalysis.of(result.frames());
        org.wirelab.core.explain.Explainer explainer = org.wirelab.core.explain.Explainer.of(analysis,
                TcpStates.of(analysis, index -> (result.marks().of(index + 1) & Marks.LOST) == 0));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            explainer.sentences(i).forEach(sentence -> keys.add(sentence.key()));
            String english = explainer.explain(i, java.util.Locale.ENGLISH).text();
            String french = explainer.explain(i, java.util.Locale.FRENCH).text();
            assertTrue(!english.contains("{") && !french.contains("{") && !french.contains(" bytes"), french);
            assertTrue(!french.matches(".*(^|[^0-9\\u202f ])[01] octets.*"), french);
        }
        assertTrue(keys.contains(key), scenario + ": " + keys);
    }

    @org.junit.jupiter.api.Test
    void aLostLastAckIsAnsweredAgainFromTimeWait() {
        // tcp-hello over 10 ms with its last frame, the client's ACK of the server's FIN, lost: the server
        // sends its FIN again after its timer, and the client answers it from TIME-WAIT.
        SimulationOptions options = SimulationOptions.defaults()
                .withLink(SimulationOptions.LOOPBACK.withDelay(java.time.Duration.ofMillis(10)))
                .withFaults(List.of(new org.wirelab.simulator.net.Fault.DropFrame(8)));
        SimulationResult result = Simulation.run(Scenarios.tcpHello(), options);
        CaptureAnalysis analysis = CaptureAnalysis.of(result.frames());
        assertEquals(0x010, analysis.packets().tcpFlags(7), "frame 8 is the client's last ACK");
        for (TcpStateTimeline timeline : List.of(TcpStates.of(analysis),
                TcpStates.of(analysis, index -> (result.marks().of(index + 1) & Marks.LOST) == 0))) {
            assertEquals(TcpState.LAST_ACK, timeline.stateAfter(7, 1), "the server never got that ACK");
            assertEquals(TcpState.CLOSED, timeline.stateAfter(analysis.size() - 1, 1), "the second one closes it");
        }
        org.wirelab.core.explain.Explainer explainer = org.wirelab.core.explain.Explainer.of(analysis);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < analysis.size(); i++) {
            explainer.sentences(i).forEach(sentence -> keys.add(sentence.key()));
        }
        assertTrue(keys.contains("tcp.fin.again") && keys.contains("tcp.ack.timewait"), keys.toString());
        String french = explainer.explain(analysis.size() - 1, java.util.Locale.FRENCH).text();
        assertTrue(french.contains("en TIME-WAIT, acquitte de nouveau le FIN renvoyé"), french);
    }

    private static List<String> changes(TcpStateTimeline timeline, int stream, int endpoint) {
        List<String> changes = new ArrayList<>();
        for (StateChange c : timeline.allChanges()) {
            if (c.stream() == stream && c.endpoint() == endpoint) {
                changes.add(c.from() + " -> " + c.to());
            }
        }
        return changes;
    }
}
