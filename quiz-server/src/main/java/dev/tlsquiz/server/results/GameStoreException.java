package dev.tlsquiz.server.results;

/** The results database could not be reached, or refused a statement. */
public class GameStoreException extends Exception {

    public GameStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public GameStoreException(String message) {
        super(message);
    }
}
