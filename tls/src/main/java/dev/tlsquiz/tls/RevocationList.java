package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.PemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRL a server checks client certificates against, read from its file.
 *
 * <p>The file may not exist yet (a server on its own certificate before the first {@code certs revoke},
 * say): that revokes nothing, and the file is watched like the others, so its creation takes effect at
 * the next reload. Once a CRL has been in service, a file that disappears or does not parse is an error
 * that keeps the previous CRL in service: a half-written or deleted file must never let revoked clients
 * back in.
 *
 * @param file the CRL file
 * @param crl  its CRL, signature checked against the client CA; {@code null} while the file does not exist
 */
record RevocationList(Path file, X509CRL crl) {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);

    RevocationList {
        Objects.requireNonNull(file, "file");
    }

    /**
     * Reads {@code file} and checks that one of {@code clientCas} signed it.
     *
     * @param caFile   where the client CAs came from, to name it in messages
     * @param previous the list in service now; null at start
     * @throws PemException naming the file: it does not parse, is not from the client CA, or disappeared
     *                      while a CRL from it was in service
     */
    static RevocationList read(Path file, List<X509Certificate> clientCas, Path caFile, RevocationList previous)
            throws PemException {
        if (!Files.exists(file)) {
            if (previous != null && previous.crl() != null) {
                throw new PemException(file, file + " has disappeared; put the CRL back (an empty one revokes"
                        + " nothing) rather than deleting it");
            }
            return new RevocationList(file, null);
        }
        X509CRL crl = Pem.readCrl(file);
        for (X509Certificate ca : clientCas) {
            if (!ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                continue;
            }
            try {
                crl.verify(ca.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new PemException(file, file + " is not signed by the client CA in " + caFile + " ("
                        + e.getMessage() + "); issue the CRL with that CA", e);
            }
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(Instant.now())) {
                LOG.warn("CRL {} was due to be replaced at {}; it is still used, but issue a fresh one", file,
                        crl.getNextUpdate().toInstant());
            }
            return new RevocationList(file, crl);
        }
        throw new PemException(file, file + " is issued by " + crl.getIssuerX500Principal().getName()
                + ", not by the client CA in " + caFile + "; issue the CRL with that CA");
    }

    /** How many certificates it revokes; 0 while the file does not exist. */
    int revokedCount() {
        return crl == null || crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
    }

    /** For the operator: {@code certs/crl.pem (2 revoked)} or {@code certs/crl.pem (not present yet; watched)}. */
    String describe() {
        return crl == null ? file + " (not present yet; watched)" : file + " (" + revokedCount() + " revoked)";
    }
}
