package dev.tlsquiz.tls.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a leaf certificate may be used for: its extended key usage. */
public enum CertificateUsage {
    /** A TLS server: EKU serverAuth. */
    SERVER(KeyPurposeId.id_kp_serverAuth),
    /** A TLS client (a player): EKU clientAuth. */
    CLIENT(KeyPurposeId.id_kp_clientAuth),
    /**
     * A TLS client that may also host live rooms ({@code certs client NAME --role host}): EKU clientAuth
     * and {@link #HOST_ROLE_OID}.
     */
    HOST(KeyPurposeId.id_kp_clientAuth,
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(CertificateUsage.HOST_ROLE_OID)));

    /**
     * The extended key usage that marks a room host: an OID under {@code 2.25} (ITU-T X.667, a UUID as an
     * integer), which needs no registration and collides with nobody's.
     */
    public static final String HOST_ROLE_OID = "2.25.226946217675922452727353444763914406620";

    private final KeyPurposeId[] keyPurposes;

    CertificateUsage(KeyPurposeId... keyPurposes) {
        this.keyPurposes = keyPurposes;
    }

    ExtendedKeyUsage extendedKeyUsage() {
        return new ExtendedKeyUsage(keyPurposes.clone());
    }

    /** Whether {@code certificate} was issued with the host role (its extended key usage lists {@link #HOST_ROLE_OID}). */
    public static boolean hasHostRole(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(HOST_ROLE_OID);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
