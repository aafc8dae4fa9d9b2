/**
 * TCP after RFC 9293, with Linux's defaults where the RFCs leave a choice: handshake and options,
 * segmentation, Nagle, delayed ACKs, window scaling and flow control (zero window, persist timer,
 * window updates), RFC 6298 retransmission timeout, fast retransmit and NewReno (RFC 5681, RFC 6582),
 * orderly and simultaneous close, TIME-WAIT, resets. Variables are named as the RFC names them.
 */
package org.wirelab.simulator.tcp;
