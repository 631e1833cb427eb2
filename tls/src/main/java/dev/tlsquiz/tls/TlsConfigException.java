package dev.tlsquiz.tls;

/**
 * A TLS setting or file cannot be used: a missing or unparsable certificate, key, CA or CRL file, or a
 * provider that is not available. The message names the file or setting and says what to do, so it
 * can be shown to an operator as it is.
 */
public final class TlsConfigException extends RuntimeException {

    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
