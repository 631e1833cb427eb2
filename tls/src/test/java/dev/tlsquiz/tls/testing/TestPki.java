package dev.tlsquiz.tls.testing;

import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.CertificateRequest;
import dev.tlsquiz.tls.pki.CertificateUsage;
import dev.tlsquiz.tls.pki.IssuedCertificate;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI for tests: a CA, a server certificate for localhost, 127.0.0.1 and ::1, and a client
 * certificate for player "alice", written as PEM into a folder (keys 0600), plus certificates that
 * must be refused, for negative tests. Each key is a fresh P-256 key, so creating one costs milliseconds.
 *
 * <pre>{@code
 * @TempDir Path dir;
 * TestPki pki = TestPki.create(dir);
 * serverConfig(pki.serverCert(), pki.serverKey(), pki.caCert());
 * TestPki.Credentials expired = pki.expiredServer();
 * }</pre>
 *
 * Files: {@code ca.pem}, {@code server.pem}/{@code server.key}, {@code alice.pem}/{@code alice.key}; every
 * extra certificate gets its own numbered pair, e.g. {@code expired-server-3.pem}, so helpers can be
 * called any number of times. Methods throw {@link UncheckedIOException} instead of checked exceptions
 * to keep test code short.
 */
public final class TestPki {

    /** The player name of the default client certificate. */
    public static final String CLIENT_NAME = "alice";

    /**
     * A certificate and key on disk.
     *
     * @param cert        its PEM certificate file
     * @param key         its PEM (PKCS#8) private key file, mode 0600
     * @param certificate the certificate itself
     */
    public record Credentials(Path cert, Path key, X509Certificate certificate) {
    }

    /**
     * A server certificate from a CA of its own, both named by someone hostile.
     *
     * @param caCert the issuing CA's certificate file; neither {@link #caCert()} nor the other CA
     * @param server the server certificate and its key
     */
    public record HostileServer(Path caCert, Credentials server) {
    }

    private final Path dir;
    private final CertificateAuthority ca;
    private final Credentials server;
    private final Credentials client;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile CertificateAuthority otherCa;

    private TestPki(Path dir, CertificateAuthority ca, Credentials server, Credentials client) {
        this.dir = dir;
        this.ca = ca;
        this.server = server;
        this.client = client;
    }

    /** Writes a fresh CA, server and client certificate into {@code dir}. */
    public static TestPki create(Path dir) {
        try {
            CertificateAuthority ca = CertificateAuthority.create("tlsquiz test CA", Duration.ofDays(30));
            Pem.writeCertificate(dir.resolve("ca.pem"), ca.certificate());
            Pem.writePrivateKey(dir.resolve("ca.key"), ca.privateKey());
            Credentials server = write(dir, "server",
                    ca.issueServerCertificate(CertificateAuthority.DEFAULT_SERVER_NAMES, Duration.ofDays(1)));
            Credentials client = write(dir, CLIENT_NAME, ca.issueClientCertificate(CLIENT_NAME, Duration.ofDays(1)));
            return new TestPki(dir, ca, server, client);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test PKI into " + dir, e);
        }
    }

    /** The folder holding every file. */
    public Path dir() {
        return dir;
    }

    /** The CA, to issue further certificates or CRLs. */
    public CertificateAuthority ca() {
        return ca;
    }

    /** {@code ca.pem}: the trust anchor. */
    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    /** {@code ca.key}: the CA's private key. */
    public Path caKey() {
        return dir.resolve("ca.key");
    }

    /** The server certificate (SANs localhost, 127.0.0.1, ::1; valid one day). */
    public Credentials server() {
        return server;
    }

    /** {@code server.pem}. */
    public Path serverCert() {
        return server.cert();
    }

    /** {@code server.key}. */
    public Path serverKey() {
        return server.key();
    }

    /** The client certificate of player "alice". */
    public Credentials client() {
        return client;
    }

    /** {@code alice.pem}. */
    public Path clientCert() {
        return client.cert();
    }

    /** {@code alice.key}. */
    public Path clientKey() {
        return client.key();
    }

    /** A second, unrelated CA (its cert and key): trusting it instead of {@link #caCert()} must fail. */
    public Credentials otherCa() {
        CertificateAuthority other = otherCertificateAuthority();
        return write("other-ca", new IssuedCertificate(other.certificate(), other.privateKey()));
    }

    /** A valid-looking server certificate (loopback SANs) signed by the {@link #otherCa() other CA}. */
    public Credentials serverFromOtherCa() {
        return write("other-ca-server", otherCertificateAuthority()
                .issueServerCertificate(CertificateAuthority.DEFAULT_SERVER_NAMES, Duration.ofDays(1)));
    }

    /** A client certificate signed by the {@link #otherCa() other CA}: a server must refuse it. */
    public Credentials clientFromOtherCa(String name) {
        return write("other-ca-" + name, otherCertificateAuthority().issueClientCertificate(name, Duration.ofDays(1)));
    }

    /** A server certificate (loopback SANs) that expired yesterday. */
    public Credentials expiredServer() {
        Instant now = Instant.now();
        return issue("expired-server", serverRequest()
                .withValidity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
    }

    /** A server certificate (loopback SANs) that becomes valid tomorrow. */
    public Credentials notYetValidServer() {
        Instant now = Instant.now();
        return issue("not-yet-valid-server", serverRequest()
                .withValidity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
    }

    /** A server certificate for exactly {@code names} (e.g. "other.example" to fail the hostname check). */
    public Credentials serverWithSans(String... names) {
        return issue("server-sans", CertificateRequest.server(List.of(names), Duration.ofDays(1)));
    }

    /** A certificate with EKU clientAuth only but the loopback SANs: a server presenting it must be refused. */
    public Credentials clientOnlyCertAsServer() {
        return issue("client-only", serverRequest().withUsage(CertificateUsage.CLIENT));
    }

    /** A self-signed server certificate (loopback SANs), not issued by any CA. */
    public Credentials selfSignedServer() {
        return write("self-signed-server", CertificateAuthority.selfSigned(serverRequest()));
    }

    /**
     * A server certificate whose names an attacker chose, from a new CA whose name the attacker chose too:
     * subject CN {@code commonName}, issuer CN {@code caName}, and exactly {@code dnsNames} as dNSName SANs.
     * The names go into the certificate as they are, without the checks {@link CertificateRequest} makes,
     * so they may hold escape sequences, controls or bidirectional overrides. Valid one day, serverAuth.
     */
    public HostileServer hostileServer(String caName, String commonName, String... dnsNames) {
        CertificateAuthority hostileCa = CertificateAuthority.create(caName, Duration.ofDays(1));
        KeyPair keyPair = CertificateAuthority.generateKeyPair();
        Instant now = Instant.now();
        GeneralName[] sans = Arrays.stream(dnsNames)
                .map(name -> new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(hostileCa.certificate(),
                    CertificateAuthority.randomSerial(), Date.from(now.minus(CertificateRequest.CLOCK_SKEW)),
                    Date.from(now.plus(Duration.ofDays(1))),
                    new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build(),
                    keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(hostileCa.privateKey())));
            int number = counter.incrementAndGet();
            Path caCert = dir.resolve("hostile-ca-" + number + ".pem");
            Pem.writeCertificate(caCert, hostileCa.certificate());
            return new HostileServer(caCert,
                    write(dir, "hostile-server-" + number, new IssuedCertificate(certificate, keyPair.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a hostile certificate into " + dir, e);
        } catch (CertificateException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build a hostile certificate: " + e.getMessage(), e);
        }
    }

    /** A fresh client certificate for player {@code name}, valid one day. */
    public Credentials clientCert(String name) {
        return write("client-" + name, ca.issueClientCertificate(name, Duration.ofDays(1)));
    }

    /**
     * A client certificate from the CA, valid one day, with exactly the subject {@code x500Name} (e.g.
     * {@code "O=tlsquiz players"}, without a CN): what a CA that does not follow the client profile issues.
     * {@link CertificateAuthority} always writes a CN, so this one is built here.
     */
    public Credentials clientWithSubject(String x500Name) {
        KeyPair keys = CertificateAuthority.generateKeyPair();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    CertificateAuthority.randomSerial(), Date.from(now.minus(CertificateRequest.CLOCK_SKEW)),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name(x500Name), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
            return write("client-subject", new IssuedCertificate(certificate, keys.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a client certificate for " + x500Name, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a client certificate for " + x500Name, e);
        }
    }

    /** A client certificate for player {@code name} that expired yesterday. */
    public Credentials expiredClient(String name) {
        Instant now = Instant.now();
        return issue("expired-client-" + name, CertificateRequest.client(name, Duration.ofDays(1))
                .withValidity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
    }

    /**
     * Writes {@code crl.pem}, signed by the CA, revoking {@code revoked} (replacing an earlier one).
     *
     * @return the CRL file
     */
    public Path writeCrl(X509Certificate... revoked) {
        Path crl = dir.resolve("crl.pem");
        List<BigInteger> serials = Arrays.stream(revoked).map(X509Certificate::getSerialNumber).toList();
        try {
            Pem.writeCrl(crl, ca.createCrl(serials, Duration.ofDays(1)), WriteMode.REPLACE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + crl, e);
        }
        return crl;
    }

    private CertificateRequest serverRequest() {
        return CertificateRequest.server(CertificateAuthority.DEFAULT_SERVER_NAMES, Duration.ofDays(1));
    }

    private Credentials issue(String baseName, CertificateRequest request) {
        return write(baseName, ca.issue(request));
    }

    private Credentials write(String baseName, IssuedCertificate issued) {
        try {
            return write(dir, baseName + "-" + counter.incrementAndGet(), issued);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + baseName + " into " + dir, e);
        }
    }

    private synchronized CertificateAuthority otherCertificateAuthority() {
        if (otherCa == null) {
            otherCa = CertificateAuthority.create("tlsquiz other test CA", Duration.ofDays(30));
        }
        return otherCa;
    }

    private static Credentials write(Path dir, String name, IssuedCertificate issued) throws IOException {
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + ".key");
        Pem.writeCertificate(cert, issued.certificate());
        Pem.writePrivateKey(key, issued.privateKey());
        return new Credentials(cert, key, issued.certificate());
    }
}
