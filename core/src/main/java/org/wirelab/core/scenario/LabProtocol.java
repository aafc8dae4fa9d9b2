package org.wirelab.core.scenario;

/**
 * The lab's wire protocol (TP R107, Python 3 network programming), byte for byte: its ports, its
 * messages, its receive sizes and the chat's broadcast format. The Java programs, the scenarios and
 * the simulator all take them from here.
 */
public final class LabProtocol {
    /** simpleUDPServeur.py and simpleServeurSocket.py listen on 3000. */
    public static final int UDP_PORT = 3000;
    public static final int TCP_PORT = 3000;
    /** multiThreadServerSocketTCP.py listens on 9090. */
    public static final int CHAT_PORT = 9090;

    /** simpleUDPclient.py: {@code client.sendto(b"Hello from client", addrPort)}. */
    public static final String UDP_REQUEST = "Hello from client";
    /** simpleUDPServeur.py: {@code serveur.sendto(b"i am the server", address)}. */
    public static final String UDP_REPLY = "i am the server";
    /** simpleclientSocket.py: {@code client.sendall(b"hello serveur\n")}. */
    public static final String TCP_MESSAGE = "hello serveur\n";
    /** The chat's quit command (sent by the lab's client, followed by the client's number). */
    public static final String QUIT = "quit";

    /** {@code recvfrom(1024)}, {@code recv(1024)}: the UDP and TCP servers' receive sizes. */
    public static final int UDP_RECEIVE_SIZE = 1024;
    public static final int TCP_RECEIVE_SIZE = 1024;
    /** {@code connection.recv(2048)}: the chat server's receive size, so the longest message it relays. */
    public static final int CHAT_RECEIVE_SIZE = 2048;

    private LabProtocol() {
    }

    /** What the chat server writes before and after each message it relays. */
    public static final String CHAT_BROADCAST_PREFIX = "\n>>";
    public static final String CHAT_BROADCAST_SUFFIX = "\n";

    /** The chat server's broadcast of one message: {@code '\n>>' + data + '\n'}. */
    public static String chatBroadcast(String message) {
        return CHAT_BROADCAST_PREFIX + message + CHAT_BROADCAST_SUFFIX;
    }

    /** What the chat server sends a new client first: its number in decimal, {@code str(nbclients)}. */
    public static String chatNumber(int number) {
        return Integer.toString(number);
    }
}
