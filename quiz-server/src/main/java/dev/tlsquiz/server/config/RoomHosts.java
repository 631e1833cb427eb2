package dev.tlsquiz.server.config;

/** Who may open a room ({@code --room-hosts}). */
public enum RoomHosts {
    /** Whoever sends the server's host token (the {@code host-token} file in the certs folder). */
    TOKEN,
    /** Whoever presents a client certificate issued with {@code certs client NAME --role host}. */
    CERT,
    /** Anyone who can connect: for a demo on one machine only. */
    ANYONE
}
