package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * Trusts exactly the server whose leaf key has the pin: no CA, no host name, no dates. Recognises a
 * certificate fingerprint given in place of the key pin, as both look like {@code SHA256:<hex>}.
 */
final class PinCheck implements ServerTrustCheck {

    private final String pin;

    /** @param pin {@code SHA256:<hex>} as a person typed it; normalised here */
    PinCheck(String pin) {
        this.pin = Fingerprints.normalize(pin);
    }

    @Override
    public void check(X509Certificate[] chain, String authType, SSLEngine engine, String host, int port)
            throws ServerCertificateRejectedException {
        X509Certificate leaf = chain[0];
        String presented = Fingerprints.publicKeyPin(leaf);
        if (Fingerprints.matches(pin, presented)) {
            return;
        }
        if (Fingerprints.matches(pin, Fingerprints.certificate(leaf))) {
            // Both are SHA256:<hex>, so a pasted certificate fingerprint is an easy mistake; say which one it is.
            throw new ServerCertificateRejectedException(host, port,
                    new CertificateRefusal.CertificateFingerprintAsPin(pin, presented), null);
        }
        throw new ServerCertificateRejectedException(host, port,
                new CertificateRefusal.KeyPinMismatch(pin, presented), null);
    }

    @Override
    public List<X509Certificate> acceptedIssuers() {
        return List.of();
    }
}
