package dev.tlsquiz.tls;

import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The session-ticket keys of one OpenSSL server context: they let a returning client resume its TLS
 * session (an abbreviated handshake: no certificate, no signature) instead of a full handshake.
 *
 * <p>The keys live in memory only, are random per context and are never logged or written. A new
 * context (every certificate, client CA or CRL reload) starts with new keys, so that no ticket issued
 * before a revocation resumes past it. Within a context, {@link #rotate()} makes a new key the one
 * that issues tickets every {@link #ROTATION} and keeps the previous one to accept the tickets it
 * issued. A ticket is therefore accepted for one to two periods (BoringSSL's own TLS 1.3 ticket
 * lifetime is longer: the key decides), and a key that leaks exposes at most two periods.
 */
final class TicketKeys {

    /** How long a key issues tickets; also the session timeout (the ticket lifetime of TLS 1.2). */
    static final Duration ROTATION = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OpenSslSessionContext sessions;
    private OpenSslSessionTicketKey current;

    private TicketKeys(OpenSslSessionContext sessions) {
        this.sessions = sessions;
        this.current = newKey();
        sessions.setTicketKeys(current);
    }

    /** Turns tickets on for {@code sessions} (Netty's OpenSSL contexts start without) with a fresh key. */
    static TicketKeys enable(OpenSslSessionContext sessions) {
        sessions.setSessionTimeout((int) ROTATION.toSeconds());
        return new TicketKeys(sessions);
    }

    /** A new key issues tickets from now on; the previous one still accepts those it issued. */
    synchronized void rotate() {
        OpenSslSessionTicketKey previous = current;
        current = newKey();
        sessions.setTicketKeys(current, previous);
    }

    private static OpenSslSessionTicketKey newKey() {
        return new OpenSslSessionTicketKey(random(OpenSslSessionTicketKey.NAME_SIZE),
                random(OpenSslSessionTicketKey.HMAC_KEY_SIZE), random(OpenSslSessionTicketKey.AES_KEY_SIZE));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
