package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.Certificates;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.PemException;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code quiz-server certs show FILE}: what a certificate (or each in a chain) or a CRL says, in the
 * format documented in {@link CertificateText}: subject, issuer, serial, SANs, extended key usage,
 * validity with the days left, the certificate fingerprint and the public-key pin. When the certs folder
 * holds a CA (and a CRL), it also says whether the CA issued the certificate and whether it is revoked.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Show a certificate or CRL (PEM): names, purpose, validity, fingerprint and key pin.")
final class CertsShowCommand extends CertsSubcommand {

    @Parameters(paramLabel = "FILE", description = "A PEM certificate (or chain) or CRL, e.g. certs/server.pem.")
    private Path file;

    @Override
    void run() throws IOException {
        Instant now = Instant.now();
        DevPki pki = certs.pki();
        if (isCrl()) {
            X509CRL crl = Pem.readCrl(file);
            out().printf("%s: CRL%n", file);
            CertificateText.describe(crl, CertificateText.clientNames(pki), now).forEach(out()::println);
            return;
        }
        List<X509Certificate> certificates = Pem.readCertificates(file);
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate certificate = certificates.get(i);
            out().printf("%s: certificate %d of %d%n", file, i + 1, certificates.size());
            CertificateText.describe(certificate, now).forEach(out()::println);
            relationToDevPki(pki, certificate);
        }
    }

    private boolean isCrl() throws IOException {
        try {
            // Bounded like Pem's reads; ISO-8859-1 decodes any bytes, so a binary file is simply "not a CRL".
            return Files.size(file) < 1024 * 1024 && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .contains("-----BEGIN X509 CRL");
        } catch (NoSuchFileException e) {
            throw new PemException(file, file + " not found; check the path");
        }
    }

    /** Whether the development CA issued it, and whether its CRL revokes it: what an operator asks next. */
    private void relationToDevPki(DevPki pki, X509Certificate certificate) throws IOException {
        if (!Files.exists(pki.caCertificate())) {
            return;
        }
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());
        boolean issued = Certificates.issuedBy(certificate, ca);
        if (!certificate.equals(ca)) {
            out().printf("  %-13s %s%n", "issued by CA:", (issued ? "yes, " : "no, not by ") + pki.caCertificate());
        }
        if (issued && Files.exists(pki.crl())) {
            boolean revoked = Pem.readCrl(pki.crl()).isRevoked(certificate);
            out().printf("  %-13s %s%n", "revoked:", (revoked ? "YES, in " : "no, not in ") + pki.crl());
        }
    }
}
