package dev.tlsquiz.tls;

import java.security.cert.CertificateException;

/**
 * Trust on first use: the server's certificate is not trusted by the system store and its host is
 * not in the known-hosts file yet. Thrown from the trust manager (on the event loop, so it never
 * asks); the client CLI catches it, shows these details, asks the user (or refuses when it cannot
 * ask), calls {@link KnownHosts#remember} and reconnects.
 */
public final class UnknownServerKeyException extends CertificateException {

    private final String host;
    private final int port;
    private final String pin;
    private final String certificateFingerprint;
    private final String subject;
    private final String issuer;

    /**
     * @param pin                    the server's public key pin, {@code SHA256:<hex>}: what gets remembered
     * @param certificateFingerprint the SHA-256 fingerprint of its certificate
     * @param subject                the certificate's subject DN
     * @param issuer                 the certificate's issuer DN
     */
    public UnknownServerKeyException(String host, int port, String pin, String certificateFingerprint,
                                     String subject, String issuer) {
        super("the server at " + KnownHosts.entryKey(host, port) + " is not known yet and its certificate is not"
                + " trusted by this system; its key pin is " + pin + " (certificate " + certificateFingerprint
                + ", subject " + subject + ", issuer " + issuer + ")");
        this.host = host;
        this.port = port;
        this.pin = pin;
        this.certificateFingerprint = certificateFingerprint;
        this.subject = subject;
        this.issuer = issuer;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The public key pin to remember, {@code SHA256:<hex>}. */
    public String pin() {
        return pin;
    }

    public String certificateFingerprint() {
        return certificateFingerprint;
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }
}
