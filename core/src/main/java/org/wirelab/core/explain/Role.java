package org.wirelab.core.explain;

/**
 * Who sent or receives a frame, said the way a student knows them: "the client (127.0.0.1:51102)".
 * {@code kind} selects the word in the bundle ({@code role.client}, {@code role.server}, {@code role.host}).
 */
public record Role(String kind, String address) {

    public static Role client(String address) {
        return new Role("client", address);
    }

    public static Role server(String address) {
        return new Role("server", address);
    }

    public static Role host(String address) {
        return new Role("host", address);
    }
}
