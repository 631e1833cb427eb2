package dev.tlsquiz.tls;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why the client refused the server's certificate, with the facts that a message needs; the client's
 * command line turns it into a sentence. Every variant knows its {@link HandshakeFailure.Kind}.
 */
public sealed interface CertificateRefusal {

    /** The kind of handshake failure this refusal is. */
    HandshakeFailure.Kind kind();

    /**
     * The server's key does not have the pin.
     *
     * @param expectedPin  the pin given, normalised
     * @param presentedPin the pin of the key the server presented
     */
    record KeyPinMismatch(String expectedPin, String presentedPin) implements CertificateRefusal {
        public KeyPinMismatch {
            Objects.requireNonNull(expectedPin, "expectedPin");
            Objects.requireNonNull(presentedPin, "presentedPin");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.PIN_MISMATCH;
        }
    }

    /**
     * The pin given is the server certificate's fingerprint, not its key pin: both read {@code SHA256:<hex>}.
     *
     * @param givenPin the fingerprint given as a pin, normalised
     * @param keyPin   the key pin of the same certificate, the value that was meant
     */
    record CertificateFingerprintAsPin(String givenPin, String keyPin) implements CertificateRefusal {
        public CertificateFingerprintAsPin {
            Objects.requireNonNull(givenPin, "givenPin");
            Objects.requireNonNull(keyPin, "keyPin");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.PIN_MISMATCH;
        }
    }

    /**
     * No CA in the file the client trusts signed the certificate.
     *
     * @param selfSigned     whether the certificate names itself as its issuer
     * @param caFile         the file of trusted CAs (the client's {@code --cafile})
     * @param caFingerprints the fingerprints of the CA certificates in that file, to compare with the one the
     *                       server's operator has
     * @param issuer         the issuer the certificate names, as the server sent it (untrusted text)
     */
    record NotSignedByTrustedCa(boolean selfSigned, Path caFile, List<String> caFingerprints, String issuer)
            implements CertificateRefusal {
        public NotSignedByTrustedCa {
            Objects.requireNonNull(caFile, "caFile");
            caFingerprints = List.copyOf(caFingerprints);
            Objects.requireNonNull(issuer, "issuer");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE;
        }
    }

    /** The certificate's validity ended at {@code notAfter}. */
    record Expired(Instant notAfter) implements CertificateRefusal {
        public Expired {
            Objects.requireNonNull(notAfter, "notAfter");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.EXPIRED;
        }
    }

    /** The certificate's validity begins at {@code notBefore}, still ahead. */
    record NotYetValid(Instant notBefore) implements CertificateRefusal {
        public NotYetValid {
            Objects.requireNonNull(notBefore, "notBefore");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.NOT_YET_VALID;
        }
    }

    /** The certificate lacks the serverAuth extended key usage. */
    record NotForServers() implements CertificateRefusal {
        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.NOT_A_SERVER_CERTIFICATE;
        }
    }

    /** The chain was refused for another reason, which the JDK's {@code detail} gives. */
    record ChainRefused(String detail) implements CertificateRefusal {
        public ChainRefused {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE;
        }
    }

    /**
     * The certificate does not name the host connected to.
     *
     * @param names the DNS names and IP addresses it names, in order (the certificate's own text: untrusted)
     */
    record HostNotNamed(List<String> names) implements CertificateRefusal {
        public HostNotNamed {
            names = List.copyOf(names);
        }

        @Override
        public HandshakeFailure.Kind kind() {
            return HandshakeFailure.Kind.HOSTNAME_MISMATCH;
        }
    }
}
