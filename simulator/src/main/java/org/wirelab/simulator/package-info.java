/**
 * The simulator: the scenarios of the live capture, and teaching scenarios with faults, run on
 * simulated hosts whose TCP and UDP send real Ethernet/IP frames, so that the same decoder, analysis,
 * diagrams and pcap files serve simulated and captured traffic.
 *
 * <p>What other modules call:
 * <ul>
 *   <li>{@link org.wirelab.simulator.Simulation#run} (frames kept in a {@code FrameStore}) and
 *       {@link org.wirelab.simulator.Simulation#runToPcap} (frames streamed to a file), each taking a
 *       core {@code Scenario} and {@link org.wirelab.simulator.SimulationOptions} (IP version, seed,
 *       {@link org.wirelab.simulator.net.LinkConfig}, {@link org.wirelab.simulator.tcp.TcpConfig},
 *       {@link org.wirelab.simulator.net.Fault}s) and returning a
 *       {@link org.wirelab.simulator.SimulationResult}: frames, the {@code ScenarioLog}, the marks the
 *       simulator put on frames (retransmission, duplicate ACK, zero window...), each segment's
 *       congestion window, every TCP state change, counters;</li>
 *   <li>{@link org.wirelab.simulator.SimulatedScenarios}: every scenario by name, live ones and the
 *       teaching ones ({@code lost-syn-ack}, {@code lost-data}, {@code fast-retransmit},
 *       {@code slow-reader}, {@code simultaneous-close}), as a scenario plus the options it needs.</li>
 * </ul>
 *
 * <p>Inside: {@code engine} (virtual clock and event queue), {@code net} (hosts, links, faults, frame
 * encoding, capture), {@code tcp} (RFC 9293 endpoints), {@code udp}, {@code scenario} (the step
 * executor and the simulated server programs).
 */
package org.wirelab.simulator;
