package dev.tlsquiz.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Whether a private key belongs to a certificate's public key, found by signing a test message. A
 * mismatch happens while an operator replaces the certificate and key one file at a time; catching it
 * keeps a context that could not complete a single handshake out of service.
 */
final class KeyMatch {

    private static final byte[] PROBE = "tlsquiz key match probe".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {
    }

    /** True when {@code privateKey} signs what {@code publicKey} verifies, or the key type is unknown here. */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        String publicAlgorithm = signatureAlgorithm(publicKey.getAlgorithm());
        if (algorithm == null || publicAlgorithm == null) {
            // A key type this check does not know: the engine still refuses to use a mismatched pair.
            return true;
        }
        if (!algorithm.equals(publicAlgorithm)) {
            return false;
        }
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(PROBE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(PROBE);
        return verifier.verify(signature);
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        switch (keyAlgorithm) {
            case "EC":
            case "ECDSA":
                return "SHA256withECDSA";
            case "RSA":
                return "SHA256withRSA";
            case "Ed25519":
            case "EdDSA":
                return "Ed25519";
            default:
                return null;
        }
    }
}
