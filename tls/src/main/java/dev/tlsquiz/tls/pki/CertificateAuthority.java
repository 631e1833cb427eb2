package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority: it issues the server and client certificates of a tlsquiz
 * deployment and signs the CRL that revokes players.
 *
 * <p>Profile (RFC 5280), every key ECDSA P-256 and every signature SHA256withECDSA:
 * <ul>
 *   <li>CA: self-signed; basicConstraints CA:TRUE pathLen 0 (critical); keyUsage keyCertSign, cRLSign
 *       (critical); subject key identifier.</li>
 *   <li>Server: SANs (iPAddress for IP literals, else dNSName), CN = first name; EKU serverAuth;
 *       keyUsage digitalSignature (critical); basicConstraints CA:FALSE (critical); SKI and AKI.</li>
 *   <li>Client: CN = player name; EKU clientAuth; otherwise as the server.</li>
 * </ul>
 * Serial numbers are random, positive and 127 bits long (RFC 5280 wants at least 64 bits of entropy,
 * at most 20 bytes). notBefore lies {@link CertificateRequest#CLOCK_SKEW} in the past; a leaf never
 * outlives the CA, so its notAfter is capped at the CA's.
 *
 * <p>Instances are immutable and safe to share between threads. The CA's private key is a secret:
 * write it only with {@link Pem#writePrivateKey}, never log it.
 */
public final class CertificateAuthority {

    /** How long a new CA is valid: 5 years. */
    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(5 * 365 + 1);
    /** How long a new server certificate is valid: 90 days, renewed automatically in development. */
    public static final Duration DEFAULT_SERVER_VALIDITY = Duration.ofDays(90);
    /** How long a new client (player) certificate is valid: 1 year. */
    public static final Duration DEFAULT_CLIENT_VALIDITY = Duration.ofDays(365);
    /** The names a development server certificate covers, so every loopback spelling passes hostname checks. */
    public static final List<String> DEFAULT_SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");
    /** How the CN of every development CA begins ({@link DevCaName} adds the host and a tag). */
    public static final String DEFAULT_CA_NAME = "tlsquiz development CA";

    private static final String EC_CURVE = "secp256r1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A new CA with a fresh P-256 key, valid from a few minutes ago for {@code validity}. */
    public static CertificateAuthority create(String commonName, Duration validity) {
        Instant now = Instant.now();
        return create(commonName, now.minus(CertificateRequest.CLOCK_SKEW), now.plus(validity));
    }

    /** A new CA valid exactly from {@code notBefore} to {@code notAfter} (tests use expired CAs). */
    public static CertificateAuthority create(String commonName, Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException(
                    "validity: notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        KeyPair keyPair = generateKeyPair();
        X500Name subject = name(commonName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            X509Certificate certificate = sign(builder, keyPair.getPrivate());
            return new CertificateAuthority(certificate, keyPair.getPrivate());
        } catch (NoSuchAlgorithmException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The CA stored in {@code caCertPem} and {@code caKeyPem}. Checks that the certificate is a CA and
     * that the key belongs to it.
     *
     * @throws PemException naming the file, when a file is missing, unreadable, or does not fit
     */
    public static CertificateAuthority load(Path caCertPem, Path caKeyPem) throws PemException {
        X509Certificate certificate = Pem.readCertificate(caCertPem);
        if (certificate.getBasicConstraints() < 0) {
            throw new PemException(caCertPem, caCertPem + " is not a CA certificate (no basicConstraints CA:TRUE); "
                    + "give the CA that signs the certificates");
        }
        PrivateKey privateKey = Pem.readPrivateKey(caKeyPem);
        if (!belongTogether(certificate.getPublicKey(), privateKey)) {
            throw new PemException(caKeyPem, caKeyPem + " is not the private key of " + caCertPem
                    + "; give the key file that belongs to this CA");
        }
        return new CertificateAuthority(certificate, privateKey);
    }

    /** A CA from a certificate and key already in memory, checked as in {@link #load}. */
    public static CertificateAuthority of(IssuedCertificate ca) {
        if (ca.certificate().getBasicConstraints() < 0) {
            throw new IllegalArgumentException("not a CA certificate: " + ca.certificate().getSubjectX500Principal());
        }
        if (!belongTogether(ca.certificate().getPublicKey(), ca.privateKey())) {
            throw new IllegalArgumentException("the private key does not belong to "
                    + ca.certificate().getSubjectX500Principal());
        }
        return new CertificateAuthority(ca.certificate(), ca.privateKey());
    }

    /** The CA certificate: the trust anchor clients and servers are given. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's private key; a secret, for writing {@code ca.key} only. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** A server certificate for {@code subjectAltNames} (CN = the first) with a new key. */
    public IssuedCertificate issueServerCertificate(List<String> subjectAltNames, Duration validity) {
        return issue(CertificateRequest.server(subjectAltNames, validity));
    }

    /** A client certificate for player {@code playerName} with a new key. */
    public IssuedCertificate issueClientCertificate(String playerName, Duration validity) {
        return issue(CertificateRequest.client(playerName, validity));
    }

    /** A leaf certificate as {@code request} describes, signed by this CA, with a new P-256 key. */
    public IssuedCertificate issue(CertificateRequest request) {
        return issue(request, generateKeyPair());
    }

    /**
     * A leaf certificate as {@code request} describes, signed by this CA, for an existing key: re-issuing
     * (new names, renewal) keeps the key, so the key pin clients trust stays the same.
     */
    public IssuedCertificate issue(CertificateRequest request, KeyPair keyPair) {
        Instant notAfter = request.notAfter();
        Instant caNotAfter = certificate.getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter) && request.notBefore().isBefore(caNotAfter)) {
            notAfter = caNotAfter;
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, randomSerial(),
                    Date.from(request.notBefore()), Date.from(notAfter), name(request.commonName()),
                    keyPair.getPublic());
            addLeafExtensions(builder, request, keyPair.getPublic(), authorityKeyIdentifier());
            return new IssuedCertificate(sign(builder, privateKey), keyPair.getPrivate());
        } catch (NoSuchAlgorithmException | CertIOException e) {
            throw new IllegalStateException("cannot build a certificate for " + request.commonName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A self-signed leaf (not a CA) as {@code request} describes: what a careless server presents;
     * tests check it is refused.
     */
    public static IssuedCertificate selfSigned(CertificateRequest request) {
        KeyPair keyPair = generateKeyPair();
        X500Name subject = name(request.commonName());
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                    Date.from(request.notBefore()), Date.from(request.notAfter()), subject, keyPair.getPublic());
            AuthorityKeyIdentifier aki = new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(keyPair.getPublic());
            addLeafExtensions(builder, request, keyPair.getPublic(), aki);
            return new IssuedCertificate(sign(builder, keyPair.getPrivate()), keyPair.getPrivate());
        } catch (NoSuchAlgorithmException | CertIOException e) {
            throw new IllegalStateException("cannot build a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** A CRL revoking {@code revokedSerials} as of now, valid until {@code nextUpdateIn} from now. */
    public X509CRL createCrl(Collection<BigInteger> revokedSerials, Duration nextUpdateIn) {
        Instant now = Instant.now();
        Map<BigInteger, Instant> revocations = new LinkedHashMap<>();
        revokedSerials.forEach(serial -> revocations.put(serial, now));
        return createCrl(revocations, nextUpdateIn);
    }

    /**
     * A CRL revoking each serial as of its instant (so re-issuing a CRL keeps the original revocation
     * dates), valid until {@code nextUpdateIn} from now. It carries a CRL number (the issue time in
     * milliseconds, so later CRLs have larger numbers) and the authority key identifier.
     */
    public X509CRL createCrl(Map<BigInteger, Instant> revocationTimes, Duration nextUpdateIn) {
        Instant now = Instant.now();
        X509v2CRLBuilder builder =
                new JcaX509v2CRLBuilder(certificate, Date.from(now.minus(CertificateRequest.CLOCK_SKEW)));
        builder.setNextUpdate(Date.from(now.plus(nextUpdateIn)));
        revocationTimes.forEach((serial, revokedAt) ->
                builder.addCRLEntry(serial, Date.from(revokedAt), CRLReason.unspecified));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(privateKey)));
        } catch (CertIOException | CRLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    /** A new ECDSA P-256 key pair (a few milliseconds). */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(EC_CURVE), RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            // P-256 is required of every Java 17 platform's SunEC provider.
            throw new IllegalStateException("EC key generation (" + EC_CURVE + ") is not available", e);
        }
    }

    /** A random positive serial of exactly 127 bits: the top bit is set so it never has fewer than 64 bits. */
    public static BigInteger randomSerial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static void addLeafExtensions(X509v3CertificateBuilder builder, CertificateRequest request,
            PublicKey publicKey, AuthorityKeyIdentifier authorityKeyIdentifier)
            throws NoSuchAlgorithmException, CertIOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, request.usage().extendedKeyUsage())
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier);
        if (!request.subjectAltNames().isEmpty()) {
            GeneralName[] names = request.subjectAltNames().stream()
                    .map(name -> new GeneralName(
                            CertificateRequest.isIpLiteral(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
                    .toArray(GeneralName[]::new);
            // Critical only when the subject is empty (RFC 5280 4.2.1.6); ours always has a CN.
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
    }

    /** The AKI of what this CA signs: its own SKI when it has one (an openssl CA may compute SKIs differently). */
    private AuthorityKeyIdentifier authorityKeyIdentifier() throws NoSuchAlgorithmException {
        byte[] skiExtension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (skiExtension != null) {
            byte[] keyId = SubjectKeyIdentifier.getInstance(
                    ASN1OctetString.getInstance(skiExtension).getOctets()).getKeyIdentifier();
            return new AuthorityKeyIdentifier(keyId);
        }
        return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey());
    }

    private static X500Name name(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode the new certificate: " + e.getMessage(), e);
        }
    }

    private static ContentSigner signer(PrivateKey signingKey) {
        String algorithm = switch (signingKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported CA key type " + signingKey.getAlgorithm()
                    + " (expected: EC, RSA or Ed25519)");
        };
        try {
            return new JcaContentSignerBuilder(algorithm).build(signingKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    private static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
