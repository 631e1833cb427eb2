package dev.tlsquiz.server;

/**
 * The server could not start: the port is taken, a certificate or key is missing or unsafe, an
 * option names something that does not exist. The message is one line for the operator, saying
 * what happened and what to do.
 */
public class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
