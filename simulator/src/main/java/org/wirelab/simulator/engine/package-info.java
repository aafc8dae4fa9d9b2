/**
 * The discrete-event engine, after ns-3: a virtual clock in nanoseconds, events ordered by (time,
 * sequence number), restartable timers. No wall clock, no threads, no sleeping: the same inputs give
 * the same run.
 */
package org.wirelab.simulator.engine;
