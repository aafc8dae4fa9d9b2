package org.wirelab.core.ladder;

/**
 * One vertical line of a ladder diagram: an endpoint socket ({@code 10.1.1.2:44644}, {@code [::1]:8080})
 * or, for frames without ports (ARP, ICMP), a host. {@code index} is the lane's position, 0 leftmost;
 * {@code role} says what the lane is ("client", "server", "host").
 */
public record Lane(int index, String name, String role) {
}
