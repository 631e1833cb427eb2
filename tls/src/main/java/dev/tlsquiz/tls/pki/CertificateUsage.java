package dev.tlsquiz.tls.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a leaf certificate may be used for: its extended key usage. */
public enum CertificateUsage {
    /** A TLS server: EKU serverAuth. */
    SERVER(KeyPurposeId.id_kp_serverAuth),
    /** A TLS client (a player): EKU clientAuth. */
    CLIENT(KeyPurposeId.id_kp_clientAuth);

    private final KeyPurposeId keyPurpose;

    CertificateUsage(KeyPurposeId keyPurpose) {
        this.keyPurpose = keyPurpose;
    }

    KeyPurposeId keyPurpose() {
        return keyPurpose;
    }
}
