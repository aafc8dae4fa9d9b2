package org.wirelab.simulator.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.scenario.Scenario;
import org.wirelab.core.scenario.Scenarios;
import org.wirelab.core.scenario.Step;
import org.wirelab.core.testing.Environment;
import org.wirelab.simulator.Simulation;
import org.wirelab.simulator.SimulationOptions;
import org.wirelab.simulator.SimulationResult;
import org.wirelab.simulator.SimulatedScenarios;
import org.wirelab.simulator.tcp.TcpConfig;

/**
 * One situation twice: as real Linux did it (samples/reference/NAME-client.pcap and NAME-server.pcap,
 * made by samples/make/linux-reference.sh) and as the simulator does it. Each side's packets are taken
 * where that side sent them: the client's from the client's capture, the server's from the server's, as
 * the simulator's capture sees every packet when it leaves.
 */
final class Reference {
    static final int SERVER_PORT = 3000;

    final String name;
    final List<Wire.Segment> realClient;
    final List<Wire.Segment> realServer;
    final List<Wire.Segment> simulatedClient;
    final List<Wire.Segment> simulatedServer;
    final SimulationResult simulation;

    private Reference(String name, Wire client, Wire server, SimulationResult simulation, int serverPort) {
        this.name = name;
        this.realClient = client.sentBy(false);
        this.realServer = server.sentBy(true);
        Wire simulated = Wire.of(simulation.frames(), serverPort);
        this.simulatedClient = simulated.sentBy(false);
        this.simulatedServer = simulated.sentBy(true);
        this.simulation = simulation;
    }

    /** The reference {@code name} and the simulator's scenario of the same name, run as it is by default. */
    static Reference of(String name) {
        return of(name, SimulatedScenarios.named(name, Scenarios.Parameters.DEFAULTS), SimulationOptions.defaults());
    }

    /** The reference {@code name} against {@code setup} run from {@code base} (another IP version, say). */
    static Reference of(String name, SimulatedScenarios.Setup setup, SimulationOptions base) {
        Path dir = Environment.samples().resolve("reference");
        Path client = dir.resolve(name + "-client.pcap");
        Path server = dir.resolve(name + "-server.pcap");
        if (!Files.exists(client) || !Files.exists(server)) {
            throw new AssertionError("the reference capture " + client + " is missing (samples/make/linux-reference.sh)");
        }
        if (setup.delay() == null) {
            // A live scenario, made for the loopback: run over the reference's link, 10 ms each way, MTU 1500.
            base = base.withLink(base.link().withDelay(SimulatedScenarios.TEACHING_DELAY))
                    .withTcp(base.tcp().withMtu(TcpConfig.ETHERNET_MTU));
        }
        SimulationResult simulation = Simulation.run(setup.scenario(), setup.options(base, false));
        int port = serverPort(setup.scenario());
        try {
            return new Reference(name, Wire.of(CaptureFiles.read(client).frames(), port),
                    Wire.of(CaptureFiles.read(server).frames(), port), simulation, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the scenario's server listens on, or its client knocks on (the reference uses the same). */
    static int serverPort(Scenario scenario) {
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Serve serve) {
                return serve.port();
            }
            if (step instanceof Step.Connect connect) {
                return connect.port();
            }
            if (step instanceof Step.UdpSend send) {
                return send.port();
            }
        }
        return SERVER_PORT;
    }

    /** What each side sent in one of the two runs. */
    record Side(String name, List<Wire.Segment> client, List<Wire.Segment> server) {
    }

    Side real() {
        return new Side("real Linux", realClient, realServer);
    }

    Side simulated() {
        return new Side("simulator", simulatedClient, simulatedServer);
    }

    static List<String> texts(List<Wire.Segment> segments) {
        return segments.stream().map(Wire.Segment::text).toList();
    }

    /** Both runs side by side, for a failure's message. */
    String sideBySide() {
        StringBuilder out = new StringBuilder(name + ": real Linux | simulator\n");
        for (boolean server : new boolean[] {false, true}) {
            List<Wire.Segment> real = server ? realServer : realClient;
            List<Wire.Segment> simulated = server ? simulatedServer : simulatedClient;
            long realStart = realClient.get(0).timeNanos(); // both captures read the same clock
            long simulatedStart = simulatedClient.get(0).timeNanos();
            out.append(server ? "sent by the server:\n" : "sent by the client:\n");
            for (int i = 0; i < Math.max(real.size(), simulated.size()); i++) {
                out.append(String.format("  %-48s | %s%n",
                        i < real.size() ? ms(real.get(i).timeNanos() - realStart) + " " + real.get(i).text() : "",
                        i < simulated.size() ? ms(simulated.get(i).timeNanos() - simulatedStart) + " "
                                + simulated.get(i).text() : ""));
            }
        }
        return out.toString();
    }

    private static String ms(long nanos) {
        return String.format("%8.1f ms", nanos / 1e6);
    }
}
