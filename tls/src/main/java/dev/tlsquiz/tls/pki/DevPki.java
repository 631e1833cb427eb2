package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The development PKI: a CA and the certificates it issued, kept as PEM files in one folder (by default
 * {@code certs/}, which git ignores). It lets a developer run a TLS server and its clients without
 * ever touching openssl.
 *
 * The files and where they live: {@link CertsFolder}.
 *
 * <p> * The CRL itself is the list of revoked serials: {@link #revoke} reads it, adds one, and signs it again,
 * keeping every earlier entry and its revocation date. No file that already exists is replaced unless
 * the caller asks ({@link WriteMode#REPLACE}, the CLI's --force); {@link #issueServer} and the automatic
 * renewal replace the server certificate because that is their purpose. Every replacement is atomic.
 *
 * <p>The server's key never changes silently: re-issuing the server certificate (new names, renewal) keeps
 * {@code server.key}, so its key pin, which pinned and trust-on-first-use clients check, stays the same. Only
 * {@link #issueServerWithNewKey} (the CLI's {@code certs server --new-key}) and {@link #init} make a new one,
 * and both report the pin they replaced.
 *
 * <p>Every change holds the folder's lock ({@code .lock}, see {@link CertsFolderLock}), so threads and
 * processes sharing the folder (two servers, a server and a {@code certs} command) change it one at a time.
 */
public final class DevPki {

    /** The CA certificate's file name, kept here for the server's setup ({@link CertsFolder#CA_CERT_FILE}). */
    public static final String CA_CERT_FILE = CertsFolder.CA_CERT_FILE;

    /** {@link PkiLifecycle#RENEWAL_THRESHOLD}. */
    public static final Duration RENEWAL_THRESHOLD = PkiLifecycle.RENEWAL_THRESHOLD;
    /** {@link PkiLifecycle#CRL_VALIDITY}. */
    public static final Duration CRL_VALIDITY = PkiLifecycle.CRL_VALIDITY;

    private final CertsFolder folder;

    private DevPki(Path dir) {
        this.folder = new CertsFolder(dir);
    }

    /**
     * The result of {@link #init}.
     *
     * @param ca                   the new CA certificate
     * @param server               the new server certificate
     * @param staleClients         client certificates in {@code clients/} from an earlier CA, which no longer work
     * @param replacedServerKeyPin the key pin of the server certificate this one replaced, if there was one:
     *                             clients that pinned it must be given the new one
     */
    public record InitResult(X509Certificate ca, X509Certificate server, List<Path> staleClients,
                             Optional<String> replacedServerKeyPin) {
        public InitResult {
            staleClients = List.copyOf(staleClients);
            Objects.requireNonNull(replacedServerKeyPin, "replacedServerKeyPin");
        }
    }

    /**
     * The result of {@link #issueServerWithNewKey}.
     *
     * @param certificate    the new server certificate, for the new key
     * @param previousKeyPin the key pin of the certificate it replaced, if there was one: clients that pinned it
     *                       (or remember it in known_hosts) refuse the server until given the new one
     */
    public record NewServerKey(X509Certificate certificate, Optional<String> previousKeyPin) {
        public NewServerKey {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(previousKeyPin, "previousKeyPin");
        }
    }

    /**
     * A server certificate was renewed.
     *
     * @param previous the certificate that was about to expire (or had expired)
     * @param renewed  its replacement, for the same names
     */
    public record RenewalResult(X509Certificate previous, X509Certificate renewed) {
    }

    /**
     * The result of {@link #revoke}.
     *
     * @param clientName     the player whose certificate was revoked
     * @param serial         that certificate's serial number
     * @param alreadyRevoked whether it was in the CRL before (the CRL was still signed again)
     * @param revokedCount   how many serials the CRL now lists
     * @param crl            the new CRL
     */
    public record RevocationResult(String clientName, BigInteger serial, boolean alreadyRevoked, int revokedCount,
            X509CRL crl) {
    }

    /** The development PKI in {@code certsDir} (which need not exist yet). */
    public static DevPki in(Path certsDir) {
        return new DevPki(certsDir);
    }

    /** The folder. */
    public Path dir() {
        return folder.dir();
    }

    /** Which file lives where. */
    public CertsFolder folder() {
        return folder;
    }

    /** {@code ca.pem}. */
    public Path caCertificate() {
        return folder.caCertificate();
    }

    /** {@code ca.key}. */
    public Path caKey() {
        return folder.caKey();
    }

    /** {@code server.pem}. */
    public Path serverCertificate() {
        return folder.serverCertificate();
    }

    /** {@code server.key}. */
    public Path serverKey() {
        return folder.serverKey();
    }

    /** {@code crl.pem}: written empty by {@link #init}, and by {@link #ensureForServer} when missing. */
    public Path crl() {
        return folder.crl();
    }

    /** {@code clients/}. */
    public Path clientsDir() {
        return folder.clientsDir();
    }

    /** {@code clients/NAME.pem}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientCertificate(String name) {
        return folder.clientCertificate(name);
    }

    /** {@code clients/NAME.key}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientKey(String name) {
        return folder.clientKey(name);
    }

    /** Whether any of the CA and server files is there: then {@link #init} refuses unless forced. */
    public boolean exists() {
        return folder.anyCoreFileExists();
    }

    /** Creates the PKI; refuses when any of its files exists ({@link ExistingFileException}). */
    public InitResult init(List<String> serverNames, Duration caValidity, Duration serverValidity)
            throws IOException {
        return init(serverNames, caValidity, serverValidity, WriteMode.CREATE_NEW);
    }

    /**
     * Creates the PKI: a new CA, a server certificate for {@code serverNames}, and an empty CRL. With
     * {@link WriteMode#REPLACE} it replaces an existing one, including the old CA's CRL; client certificates
     * of the old CA stop working and are listed in the result.
     */
    public InitResult init(List<String> serverNames, Duration caValidity, Duration serverValidity, WriteMode mode)
            throws IOException {
        // Validate before anything is written, so a typo in a name leaves no half-made PKI behind.
        CertificateRequest serverRequest = CertificateRequest.server(serverNames, serverValidity);
        try (CertsFolderLock lock = lock()) {
            if (mode == WriteMode.CREATE_NEW) {
                for (Path file : folder.coreFiles()) {
                    if (Files.exists(file)) {
                        throw new ExistingFileException(file, ExistingFileException.What.DEVELOPMENT_PKI);
                    }
                }
            }
            Optional<String> replacedServerKeyPin = serverKeyPin();
            CertificateAuthority ca = CertificateAuthority.create(DevCaName.next(), caValidity);
            IssuedCertificate server = ca.issue(serverRequest);
            Pem.writePrivateKey(caKey(), ca.privateKey(), mode);
            Pem.writeCertificates(caCertificate(), List.of(ca.certificate()), mode);
            Pem.writePrivateKey(serverKey(), server.privateKey(), mode);
            Pem.writeCertificates(serverCertificate(), List.of(server.certificate()), mode);
            // An empty CRL from the start: a server watches the file from its first run, so the first revoke
            // takes effect without a restart, and a CRL of a replaced CA never lingers.
            Pem.writeCrl(crl(), ca.createCrl(List.of(), CRL_VALIDITY), WriteMode.REPLACE);
            return new InitResult(ca.certificate(), server.certificate(), folder.clientCertificateFiles(),
                    replacedServerKeyPin);
        }
    }

    /** The CA, loaded from {@code ca.pem} and {@code ca.key}. */
    public CertificateAuthority ca() throws IOException {
        requireCaFiles();
        SecureFiles.requireOwnerOnly(caKey());
        return CertificateAuthority.load(caCertificate(), caKey());
    }

    /**
     * Issues a new server certificate for {@code subjectAltNames} <em>for the key in {@code server.key}</em>
     * and replaces {@code server.pem} with it (atomically): the key pin stays the same, so clients that
     * pinned it or remember it in known_hosts keep connecting. A key is created only when there is neither
     * key nor certificate yet.
     *
     * @throws PemException when {@code server.key} is missing but {@code server.pem} is there, or its key type
     *                      cannot be re-issued for: only {@link #issueServerWithNewKey} may change the key
     * @throws InsecureKeyFileException when {@code server.key} is readable by others
     */
    public X509Certificate issueServer(List<String> subjectAltNames, Duration validity) throws IOException {
        CertificateRequest request = CertificateRequest.server(subjectAltNames, validity);
        try (CertsFolderLock lock = lockExistingPki()) {
            CertificateAuthority ca = ca();
            if (!Files.exists(serverKey()) && !Files.exists(serverCertificate())) {
                return writeServer(ca.issue(request)).certificate();
            }
            IssuedCertificate server = ca.issue(request, existingServerKey());
            Pem.writeCertificates(serverCertificate(), List.of(server.certificate()), WriteMode.REPLACE);
            return server.certificate();
        }
    }

    /**
     * Issues a server certificate for {@code subjectAltNames} with a <em>new</em> key and replaces
     * {@code server.key} and {@code server.pem}: the CLI's {@code certs server --new-key}, e.g. after the old
     * key leaked. Clients that pinned the old key, or remember it in known_hosts, refuse the server until
     * they are given the new pin.
     */
    public NewServerKey issueServerWithNewKey(List<String> subjectAltNames, Duration validity) throws IOException {
        CertificateRequest request = CertificateRequest.server(subjectAltNames, validity);
        try (CertsFolderLock lock = lockExistingPki()) {
            Optional<String> previousKeyPin = serverKeyPin();
            return new NewServerKey(writeServer(ca().issue(request)).certificate(), previousKeyPin);
        }
    }

    /** Replaces {@code server.key} and {@code server.pem} with {@code server}. */
    private IssuedCertificate writeServer(IssuedCertificate server) throws IOException {
        // Two files cannot be swapped in one step; a server that reloads between the two moves sees a key
        // that does not fit, keeps its old context, and reloads again once the certificate lands.
        Pem.writePrivateKey(serverKey(), server.privateKey(), WriteMode.REPLACE);
        Pem.writeCertificates(serverCertificate(), List.of(server.certificate()), WriteMode.REPLACE);
        return server;
    }

    /** The key pair in {@code server.key}, to issue its certificate again. */
    private KeyPair existingServerKey() throws IOException {
        if (!Files.exists(serverKey())) {
            throw DevPkiException.serverKeyMissing(serverKey(), serverCertificate());
        }
        SecureFiles.requireOwnerOnly(serverKey());
        PrivateKey privateKey = Pem.readPrivateKey(serverKey());
        return KeyPairs.of(privateKey).orElseThrow(
                () -> DevPkiException.serverKeyNotReusable(serverKey(), privateKey.getAlgorithm()));
    }

    /** The key pin of {@code server.pem}, what clients pin and remember; empty when there is none to read. */
    private Optional<String> serverKeyPin() {
        if (!Files.exists(serverCertificate())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Fingerprints.publicKeyPin(Pem.readCertificate(serverCertificate())));
        } catch (PemException unreadable) {
            // A broken certificate served no client: there is no pin to warn about.
            return Optional.empty();
        }
    }

    /**
     * Renews {@code server.pem} for the same names and the same key, valid
     * {@link CertificateAuthority#DEFAULT_SERVER_VALIDITY}, when it expires within {@code threshold} (or has expired).
     */
    public Optional<RenewalResult> renewServerCertificateIfExpiring(Duration threshold) throws IOException {
        return renewServerCertificateIfExpiring(threshold, CertificateAuthority.DEFAULT_SERVER_VALIDITY);
    }

    /** As {@link #renewServerCertificateIfExpiring(Duration)}, with the new certificate valid for {@code validity}. */
    public Optional<RenewalResult> renewServerCertificateIfExpiring(Duration threshold, Duration validity)
            throws IOException {
        try (CertsFolderLock lock = lockExistingPki()) {
            X509Certificate current = Pem.readCertificate(serverCertificate());
            if (!PkiLifecycle.renewalDue(current, Instant.now(), threshold)) {
                return Optional.empty();
            }
            requireCaCurrent();
            X509Certificate renewed = issueServer(SubjectAltNames.hostNames(current), validity);
            return Optional.of(new RenewalResult(current, renewed));
        }
    }

    /**
     * Issues a client certificate for player {@code name} into {@code clients/NAME.pem} and
     * {@code clients/NAME.key}; with {@link WriteMode#CREATE_NEW} refuses when either exists.
     *
     * @throws IllegalArgumentException when {@code name} is not 1-64 of {@code A-Z a-z 0-9 . _ -}
     */
    public IssuedCertificate issueClient(String name, Duration validity, WriteMode mode) throws IOException {
        return issueClient(name, validity, CertificateUsage.CLIENT, mode);
    }

    /**
     * Issues a client certificate as {@link #issueClient(String, Duration, WriteMode)} does, with
     * {@code usage} {@link CertificateUsage#CLIENT} (a player) or {@link CertificateUsage#HOST} (a player who
     * may also host rooms).
     */
    public IssuedCertificate issueClient(String name, Duration validity, CertificateUsage usage, WriteMode mode)
            throws IOException {
        if (usage == CertificateUsage.SERVER) {
            throw new IllegalArgumentException("usage: SERVER (expected: CLIENT or HOST)");
        }
        Path cert = clientCertificate(name);
        Path key = clientKey(name);
        try (CertsFolderLock lock = lockExistingPki()) {
            if (mode == WriteMode.CREATE_NEW) {
                for (Path file : List.of(cert, key)) {
                    if (Files.exists(file)) {
                        throw new ExistingFileException(file, ExistingFileException.What.CLIENT_CERTIFICATE);
                    }
                }
            }
            IssuedCertificate client = ca().issue(CertificateRequest.client(name, validity).withUsage(usage));
            Pem.writePrivateKey(key, client.privateKey(), mode);
            Pem.writeCertificates(cert, List.of(client.certificate()), mode);
            return client;
        }
    }

    /**
     * Revokes the certificate in {@code clients/NAME.pem}: adds its serial to {@code crl.pem} (keeping every
     * earlier entry) and signs the CRL again, current for {@link #CRL_VALIDITY}. Revoking twice is harmless.
     */
    public RevocationResult revoke(String clientName) throws IOException {
        Path certFile = clientCertificate(clientName);
        if (!Files.exists(certFile)) {
            throw DevPkiException.clientNotFound(certFile, clientName);
        }
        try (CertsFolderLock lock = lockExistingPki()) {
            X509Certificate certificate = Pem.readCertificate(certFile);
            CertificateAuthority ca = ca();
            if (!Certificates.issuedBy(certificate, ca.certificate())) {
                throw new PemException(certFile, certFile + " was not issued by " + caCertificate()
                        + " (an older CA?); it is already refused, nothing to revoke");
            }
            // Read, add, sign and write under the lock: two revocations at once must not lose one.
            Map<BigInteger, Instant> revocations = revokedSerials(ca);
            BigInteger serial = certificate.getSerialNumber();
            boolean alreadyRevoked = revocations.containsKey(serial);
            revocations.putIfAbsent(serial, Instant.now());
            X509CRL crl = ca.createCrl(revocations, CRL_VALIDITY);
            Pem.writeCrl(crl(), crl, WriteMode.REPLACE);
            return new RevocationResult(clientName, serial, alreadyRevoked, revocations.size(), crl);
        }
    }

    /**
     * Signs {@code crl.pem} again, with the same entries, when its nextUpdate is within {@code threshold}:
     * a peer that checks revocation refuses a CRL past its nextUpdate.
     *
     * @return the new CRL, or empty when there is no CRL or it is current enough
     */
    public Optional<X509CRL> refreshCrlIfExpiring(Duration threshold) throws IOException {
        if (!Files.exists(crl())) {
            return Optional.empty();
        }
        try (CertsFolderLock lock = lockExistingPki()) {
            X509CRL current = Pem.readCrl(crl());
            if (!PkiLifecycle.refreshDue(current, Instant.now(), threshold)) {
                return Optional.empty();
            }
            CertificateAuthority ca = ca();
            X509CRL refreshed = ca.createCrl(revokedSerials(ca), CRL_VALIDITY);
            Pem.writeCrl(crl(), refreshed, WriteMode.REPLACE);
            return Optional.of(refreshed);
        }
    }

    /**
     * The serials revoked so far with their revocation dates, from {@code crl.pem} (empty when there is none),
     * ordered by revocation date, then serial.
     */
    public Map<BigInteger, Instant> revokedSerials() throws IOException {
        return revokedSerials(ca());
    }

    /**
     * Gets the PKI ready for a server started without its own certificate: creates it on first run, reuses
     * it later, renews the server certificate (and CRL) within {@link #RENEWAL_THRESHOLD} of expiry, re-issues
     * it when {@code serverNames} asks for a name it does not cover, and refuses key files that others may
     * read. Says nothing itself: the report tells the caller what it did, for the caller to tell the operator.
     *
     * @param serverNames the names clients use to reach the server, e.g.
     *                    {@link CertificateAuthority#DEFAULT_SERVER_NAMES}
     * @throws InsecureKeyFileException when {@code ca.key} or {@code server.key} is readable by others
     * @throws DevPkiException          when the folder holds an incomplete, expired or foreign PKI
     */
    public static ServerPkiReport ensureForServer(Path certsDir, List<String> serverNames) throws IOException {
        DevPki pki = in(certsDir);
        ServerPkiReport.Builder report = new ServerPkiReport.Builder(pki, serverNames);
        // One lock for the whole check: two servers starting on a new folder must not both create a CA.
        try (CertsFolderLock lock = pki.lock()) {
            if (!pki.exists()) {
                pki.init(serverNames, CertificateAuthority.DEFAULT_CA_VALIDITY,
                        CertificateAuthority.DEFAULT_SERVER_VALIDITY);
                report.created();
            } else {
                pki.refreshForServer(serverNames, report);
            }
        }
        return report.build(Pem.readCertificate(pki.caCertificate()));
    }

    private void refreshForServer(List<String> serverNames, ServerPkiReport.Builder report) throws IOException {
        for (Path file : folder.coreFiles()) {
            if (!Files.exists(file)) {
                throw DevPkiException.coreFileMissing(file);
            }
        }
        SecureFiles.requireOwnerOnly(caKey());
        SecureFiles.requireOwnerOnly(serverKey());
        CertificateAuthority ca = ca();
        requireCaCurrent();
        X509Certificate server = Pem.readCertificate(serverCertificate());
        if (!Certificates.issuedBy(server, ca.certificate())) {
            throw DevPkiException.serverNotFromCa(serverCertificate(), caCertificate());
        }
        List<String> missing = Certificates.namesNotCovered(server, serverNames);
        if (!missing.isEmpty()) {
            issueServer(PkiLifecycle.namesWith(server, missing), CertificateAuthority.DEFAULT_SERVER_VALIDITY);
            report.reissuedFor(missing);
        } else {
            renewServerCertificateIfExpiring(RENEWAL_THRESHOLD).ifPresent(report::renewed);
        }
        if (!Files.exists(crl())) {
            // A PKI from before CRLs were created with it: add the empty CRL a running server can watch.
            Pem.writeCrl(crl(), ca.createCrl(revokedSerials(ca), CRL_VALIDITY), WriteMode.CREATE_NEW);
        }
        refreshCrlIfExpiring(RENEWAL_THRESHOLD).ifPresent(crl -> report.crlSignedAgain(crl.getNextUpdate().toInstant()));
        if (PkiLifecycle.caExpiringSoon(ca.certificate(), Instant.now())) {
            report.caExpires(ca.certificate().getNotAfter().toInstant());
        }
    }

    /** Holds the folder's lock for one change; creates the folder (0700) when it does not exist yet. */
    private CertsFolderLock lock() throws IOException {
        return CertsFolderLock.acquire(folder.dir());
    }

    /** As {@link #lock()}, for a change that needs the CA: says how to create it first, rather than a folder. */
    private CertsFolderLock lockExistingPki() throws IOException {
        requireCaFiles();
        return lock();
    }

    private void requireCaFiles() throws PemException {
        for (Path file : List.of(caKey(), caCertificate())) {
            if (!Files.exists(file)) {
                throw DevPkiException.noCa(file);
            }
        }
    }

    private void requireCaCurrent() throws IOException {
        X509Certificate ca = Pem.readCertificate(caCertificate());
        Instant notAfter = ca.getNotAfter().toInstant();
        if (PkiLifecycle.caExpired(ca, Instant.now())) {
            throw DevPkiException.caExpired(caCertificate(), day(notAfter));
        }
    }

    private Map<BigInteger, Instant> revokedSerials(CertificateAuthority ca) throws IOException {
        Map<BigInteger, Instant> revocations = new LinkedHashMap<>();
        if (!Files.exists(crl())) {
            return revocations;
        }
        X509CRL existing = Pem.readCrl(crl());
        try {
            existing.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new PemException(crl(), crl() + " is not signed by " + caCertificate()
                    + "; delete it and revoke the clients again");
        }
        Set<? extends X509CRLEntry> entries = existing.getRevokedCertificates();
        if (entries != null) {
            // The JDK returns a hash set; sort so the CRL and anything printed from it keep a stable order.
            entries.stream()
                    .sorted(Comparator.comparing(X509CRLEntry::getRevocationDate)
                            .thenComparing(X509CRLEntry::getSerialNumber))
                    .forEach(entry -> revocations.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant()));
        }
        return revocations;
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
