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
        String where = KnownHosts.entryKey(host, port);
        if (Fingerprints.matches(pin, Fingerprints.certificate(leaf))) {
            // Both are SHA256:<hex>, so a pasted certificate fingerprint is an easy mistake; say which one it is.
            throw new ServerCertificateRejectedException(HandshakeFailure.Kind.PIN_MISMATCH,
                    "the pin " + pin + " is the certificate fingerprint, not the key pin, of the server at "
                            + where + "; --pin takes the key pin, which 'quiz-server certs show FILE' prints on the"
                            + " server as 'key pin: SHA256:...' (for this certificate it is " + presented
                            + "): run again with --pin and that value", null);
        }
        throw new ServerCertificateRejectedException(HandshakeFailure.Kind.PIN_MISMATCH,
                "WARNING: the server at " + where + " presented key " + presented
                        + " but the expected pin is " + pin + "; someone may be intercepting the"
                        + " connection; if the operator changed the key, get the new pin from them", null);
    }

    @Override
    public List<X509Certificate> acceptedIssuers() {
        return List.of();
    }
}
