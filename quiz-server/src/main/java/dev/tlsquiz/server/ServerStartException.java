package dev.tlsquiz.server;

import java.util.Objects;

/**
 * The server could not start: the port is taken, a certificate or key is missing or unsafe, an
 * option names something that does not exist. The message is one line for the operator, saying
 * what happened and what to do; the {@link Reason} picks the exit status, so that a service manager
 * or a script can tell a busy port from a broken certificate.
 */
public class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the server could not start, as far as an operator's next step differs. */
    public enum Reason {
        /** The address cannot be listened on: the port is in use, or the address is not this machine's. */
        CANNOT_LISTEN,
        /** A private key file can be read by group or others. */
        KEY_PERMISSIONS,
        /**
         * A certificate, key, CA or CRL file is missing, unreadable or invalid, the certs folder unusable, or
         * the TLS provider refuses a setting (an unknown key exchange group, a provider not available here).
         */
        TLS_SETUP,
        /** A question bank is missing, unreadable or has errors; as a usage error, the operator fixes the input. */
        INVALID_BANK
    }

    private final Reason reason;

    public ServerStartException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
