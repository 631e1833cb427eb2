package dev.tlsquiz.server.rooms;

import dev.tlsquiz.server.config.RoomHosts;
import dev.tlsquiz.server.room.Secrets;
import dev.tlsquiz.tls.pki.CertificateUsage;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may open a room ({@code --room-hosts}): whoever sends the server's host token, whoever presents
 * a client certificate with the host role, or anyone. Thread-safe (immutable): every event loop asks it.
 */
public final class HostGate {

    private final RoomHosts mode;
    /** The host token under {@link RoomHosts#TOKEN}; null otherwise. A secret: never logged. */
    private final String token;

    private HostGate(RoomHosts mode, String token) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.token = token;
    }

    /** Hosts must send {@code token}. */
    public static HostGate token(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("an empty host token");
        }
        return new HostGate(RoomHosts.TOKEN, token);
    }

    /** Hosts must present a client certificate issued with the host role. */
    public static HostGate certificate() {
        return new HostGate(RoomHosts.CERT, null);
    }

    /** Anyone may host: for a demo on one machine. */
    public static HostGate anyone() {
        return new HostGate(RoomHosts.ANYONE, null);
    }

    public RoomHosts mode() {
        return mode;
    }

    /**
     * Why this would-be host may not host; empty when they may.
     *
     * @param sentToken   the token in HOST
     * @param certificate the client certificate the handshake verified, if any
     */
    public Optional<String> refusal(String sentToken, Optional<X509Certificate> certificate) {
        return switch (mode) {
            case ANYONE -> Optional.empty();
            case TOKEN -> Secrets.matches(token, sentToken) ? Optional.empty()
                    : Optional.of(sentToken.isEmpty()
                            ? "this server lets only holders of its host token open rooms; pass --token-file with"
                                    + " the server's certs/host-token"
                            : "the host token is wrong; use the server's current certs/host-token file");
            case CERT -> certificate.filter(CertificateUsage::hasHostRole).isPresent() ? Optional.empty()
                    : Optional.of(certificate.isEmpty()
                            ? "this server lets only host certificates open rooms; connect with --cert and --key"
                                    + " of a certificate issued with 'quiz-server certs client NAME --role host'"
                            : "your certificate does not carry the host role; ask for one issued with"
                                    + " 'quiz-server certs client NAME --role host'");
        };
    }
}
