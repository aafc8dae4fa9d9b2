/**
 * TCP after RFC 9293, with Linux's defaults where the RFCs leave a choice: handshake and options,
 * simultaneous open, segmentation as Linux cuts writes (WriteQueue), Nagle with Minshall's change,
 * delayed and quick ACKs, window scaling, receive-window autotuning (ReceiveWindow) and flow control
 * (zero window, persist timer, window updates), RFC 6298 retransmission timeout, fast retransmit and
 * SACK-based loss recovery (RFC 6675, SackScoreboard) with NewReno's windows (RFC 5681; RFC 6582
 * without SACK), orderly and simultaneous close, TIME-WAIT, resets. Variables are named as the RFCs
 * and Linux name them.
 */
package org.wirelab.simulator.tcp;
