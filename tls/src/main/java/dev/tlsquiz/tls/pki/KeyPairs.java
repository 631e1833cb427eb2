package dev.tlsquiz.tls.pki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The whole key pair of a private key read from a file, so a certificate can be issued again for the
 * same key: re-issuing keeps a server's key pin, and pinned clients keep trusting it.
 */
final class KeyPairs {

    private KeyPairs() {
    }

    /**
     * The key pair {@code privateKey} belongs to: the public key is computed from it (EC: the curve's
     * generator times the secret; RSA: modulus and public exponent of a CRT key).
     *
     * @return empty for a key type whose public half cannot be computed here (e.g. Ed25519)
     */
    static Optional<KeyPair> of(PrivateKey privateKey) {
        try {
            if (privateKey instanceof ECPrivateKey ec) {
                ECPoint q = EC5Util.convertSpec(ec.getParams()).getG().multiply(ec.getS()).normalize();
                ECPublicKeySpec spec = new ECPublicKeySpec(new java.security.spec.ECPoint(
                        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), ec.getParams());
                return Optional.of(new KeyPair(KeyFactory.getInstance("EC").generatePublic(spec), privateKey));
            }
            if (privateKey instanceof RSAPrivateCrtKey rsa) {
                PublicKey publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                return Optional.of(new KeyPair(publicKey, privateKey));
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            // EC and RSA key factories are required of every Java platform; a key they reject is unusable anyway.
            throw new IllegalStateException("cannot compute the public key of a " + privateKey.getAlgorithm()
                    + " private key: " + e.getMessage(), e);
        }
    }
}
