package dev.tlsquiz.tls.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DevPki#ensureForServer} did to the development PKI and what the operator should know about
 * it, as facts: the server's program turns them into sentences.
 *
 * @param pki                the PKI the server uses
 * @param serverNames        the names the server certificate was asked to cover
 * @param created            whether the PKI was created just now (a new CA and server certificate)
 * @param reissuedFor        names the server certificate did not cover and now does (same key); empty if none
 * @param renewal            the server certificate renewed because it was about to expire, if it was
 * @param crlCurrentUntil    the CRL's new nextUpdate, when it was signed again because it was about to expire
 * @param caExpires          when the CA ends, if that is within the renewal threshold: a new CA is due
 * @param caFingerprint      the CA certificate's fingerprint, what players compare
 */
public record ServerPkiReport(DevPki pki, List<String> serverNames, boolean created, List<String> reissuedFor,
                              Optional<DevPki.RenewalResult> renewal, Optional<Instant> crlCurrentUntil,
                              Optional<Instant> caExpires, String caFingerprint) {

    public ServerPkiReport {
        Objects.requireNonNull(pki, "pki");
        serverNames = List.copyOf(serverNames);
        reissuedFor = List.copyOf(reissuedFor);
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(crlCurrentUntil, "crlCurrentUntil");
        Objects.requireNonNull(caExpires, "caExpires");
        Objects.requireNonNull(caFingerprint, "caFingerprint");
    }

    /** Collects the facts while {@link DevPki} works. */
    static final class Builder {
        private final DevPki pki;
        private final List<String> serverNames;
        private boolean created;
        private List<String> reissuedFor = List.of();
        private DevPki.RenewalResult renewal;
        private Instant crlCurrentUntil;
        private Instant caExpires;

        Builder(DevPki pki, List<String> serverNames) {
            this.pki = pki;
            this.serverNames = serverNames;
        }

        void created() {
            created = true;
        }

        void reissuedFor(List<String> names) {
            reissuedFor = names;
        }

        void renewed(DevPki.RenewalResult result) {
            renewal = result;
        }

        void crlSignedAgain(Instant nextUpdate) {
            crlCurrentUntil = nextUpdate;
        }

        void caExpires(Instant notAfter) {
            caExpires = notAfter;
        }

        ServerPkiReport build(X509Certificate ca) {
            return new ServerPkiReport(pki, serverNames, created, reissuedFor, Optional.ofNullable(renewal),
                    Optional.ofNullable(crlCurrentUntil), Optional.ofNullable(caExpires), Fingerprints.certificate(ca));
        }
    }
}
