/** UDP sockets on simulated hosts, and the ICMP port unreachable a closed port answers with. */
package org.wirelab.simulator.udp;
