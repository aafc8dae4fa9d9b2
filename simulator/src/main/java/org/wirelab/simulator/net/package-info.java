/**
 * Simulated hosts and the one-way links between them (delay, bandwidth, queue, jitter, loss,
 * duplication, reordering, each with its own seeded random source), scripted faults, and the capture
 * point that turns packets into real frame bytes with core's encoder.
 */
package org.wirelab.simulator.net;
