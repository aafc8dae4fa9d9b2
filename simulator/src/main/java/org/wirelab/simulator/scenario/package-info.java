/**
 * Runs core's scenario steps on simulated hosts as the capture module's runner does on sockets, with
 * simulated programs playing each {@code Service} (the lab's servers, a web server, sinks).
 */
package org.wirelab.simulator.scenario;
