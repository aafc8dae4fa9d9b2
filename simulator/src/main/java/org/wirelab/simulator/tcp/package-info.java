/**
 * TCP after RFC 9293, with Linux's defaults where the RFCs leave a choice: handshake and options,
 * simultaneous open, segmentation as Linux cuts writes (WriteQueue), Nagle with Minshall's change,
 * delayed and quick ACKs, window scaling, receive-window autotuning (ReceiveWindow) and flow control
 * (zero window, persist timer, window updates), RFC 6298 retransmission timeout, fast retransmit and
 * SACK-based loss recovery (RFC 6675, SackScoreboard) with NewReno's windows (RFC 5681; RFC 6582
 * without SACK), orderly and simultaneous close, TIME-WAIT, resets, keep-alive. Variables are named as
 * the RFCs and Linux name them.
 *
 * <p>A connection's whole state is one TransmissionControlBlock (RFC 9293 section 3.3.1: SendSequence,
 * ReceiveSequence, ConnectionOptions, TcpTimers, and what Linux keeps beside them); TcpEndpoint is what
 * the application sees, and each job is one EndpointPart: Handshake, SegmentArrival (with AckArrival
 * and DataArrival), Acknowledgments, SegmentSender, LossRecovery, Timeouts, Segments, WindowOffer,
 * SendCalls. The application's bytes come in as a ByteSource and go out to a StreamReader: this
 * package knows nothing of the scenarios.
 */
package org.wirelab.simulator.tcp;
