package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The development PKI: a CA and the certificates it issued, kept as PEM files in one folder (by default
 * {@code certs/}, which git ignores). It lets a developer run a TLS server and its clients without
 * ever touching openssl.
 *
 * <pre>
 * certs/                 mode 0700 when created here
 *   ca.pem               the CA certificate: give it to every client (--cafile)
 *   ca.key               the CA's private key (0600): a secret, it can issue certificates
 *   server.pem           the server certificate (SANs localhost, 127.0.0.1, ::1 unless told otherwise)
 *   server.key           its private key (0600)
 *   crl.pem              the revoked client certificates, signed by the CA (empty at first)
 *   clients/NAME.pem     a player's client certificate
 *   clients/NAME.key     its private key (0600)
 * </pre>
 *
 * The CRL itself is the list of revoked serials: {@link #revoke} reads it, adds one, and signs it again,
 * keeping every earlier entry and its revocation date. No file that already exists is replaced unless
 * the caller asks ({@link WriteMode#REPLACE}, the CLI's --force); {@link #issueServer} and the automatic
 * renewal replace the server certificate because that is their purpose. Every replacement is atomic.
 *
 * <p>Not thread-safe for concurrent writers: it is driven by one CLI command or by server start-up.
 */
public final class DevPki {

    /** The CA certificate's file name. */
    public static final String CA_CERT_FILE = "ca.pem";
    /** The CA key's file name. */
    public static final String CA_KEY_FILE = "ca.key";
    /** The server certificate's file name. */
    public static final String SERVER_CERT_FILE = "server.pem";
    /** The server key's file name. */
    public static final String SERVER_KEY_FILE = "server.key";
    /** The CRL's file name. */
    public static final String CRL_FILE = "crl.pem";
    /** The folder of client certificates and keys. */
    public static final String CLIENTS_DIR = "clients";

    /** A server certificate or CRL this close to its end is renewed when the server starts: 30 days. */
    public static final Duration RENEWAL_THRESHOLD = Duration.ofDays(30);
    /**
     * How long a CRL is current (its nextUpdate): 60 days. It is signed again on every revoke, and on server
     * start within {@link #RENEWAL_THRESHOLD} of it, so a server started now and then never has a stale one.
     */
    public static final Duration CRL_VALIDITY = Duration.ofDays(60);

    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path dir;

    private DevPki(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * The result of {@link #init}.
     *
     * @param ca              the new CA certificate
     * @param server          the new server certificate
     * @param staleClients    client certificates in {@code clients/} from an earlier CA, which no longer work
     */
    public record InitResult(X509Certificate ca, X509Certificate server, List<Path> staleClients) {
        public InitResult {
            staleClients = List.copyOf(staleClients);
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
        return dir;
    }

    /** {@code ca.pem}. */
    public Path caCertificate() {
        return dir.resolve(CA_CERT_FILE);
    }

    /** {@code ca.key}. */
    public Path caKey() {
        return dir.resolve(CA_KEY_FILE);
    }

    /** {@code server.pem}. */
    public Path serverCertificate() {
        return dir.resolve(SERVER_CERT_FILE);
    }

    /** {@code server.key}. */
    public Path serverKey() {
        return dir.resolve(SERVER_KEY_FILE);
    }

    /** {@code crl.pem}: written empty by {@link #init}, and by {@link #ensureForServer} when missing. */
    public Path crl() {
        return dir.resolve(CRL_FILE);
    }

    /** {@code clients/}. */
    public Path clientsDir() {
        return dir.resolve(CLIENTS_DIR);
    }

    /** {@code clients/NAME.pem}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientCertificate(String name) {
        return clientsDir().resolve(requireClientName(name) + ".pem");
    }

    /** {@code clients/NAME.key}. @throws IllegalArgumentException for a name that is not a valid player name */
    public Path clientKey(String name) {
        return clientsDir().resolve(requireClientName(name) + ".key");
    }

    /** Whether any of the CA and server files is there: then {@link #init} refuses unless forced. */
    public boolean exists() {
        return coreFiles().stream().anyMatch(Files::exists);
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
        if (mode == WriteMode.CREATE_NEW) {
            for (Path file : coreFiles()) {
                if (Files.exists(file)) {
                    throw new ExistingFileException(file,
                            file + " exists; use --force to replace the development PKI");
                }
            }
        }
        CertificateAuthority ca = CertificateAuthority.create(CertificateAuthority.DEFAULT_CA_NAME, caValidity);
        IssuedCertificate server = ca.issue(serverRequest);
        Pem.writePrivateKey(caKey(), ca.privateKey(), mode);
        Pem.writeCertificates(caCertificate(), List.of(ca.certificate()), mode);
        Pem.writePrivateKey(serverKey(), server.privateKey(), mode);
        Pem.writeCertificates(serverCertificate(), List.of(server.certificate()), mode);
        // An empty CRL from the start: a server watches the file from its first run, so the first revoke
        // takes effect without a restart, and a CRL of a replaced CA never lingers.
        Pem.writeCrl(crl(), ca.createCrl(List.of(), CRL_VALIDITY), WriteMode.REPLACE);
        return new InitResult(ca.certificate(), server.certificate(), clientCertificateFiles());
    }

    /** The CA, loaded from {@code ca.pem} and {@code ca.key}. */
    public CertificateAuthority ca() throws IOException {
        for (Path file : List.of(caKey(), caCertificate())) {
            if (!Files.exists(file)) {
                throw new PemException(file, file + " not found; create the development PKI first: "
                        + "quiz-server certs init" + certsDirArgument());
            }
        }
        SecureFiles.requireOwnerOnly(caKey());
        return CertificateAuthority.load(caCertificate(), caKey());
    }

    /**
     * Issues a new server certificate for {@code subjectAltNames} and replaces {@code server.pem} and
     * {@code server.key} with it (atomically each): replacing them is the purpose of this call.
     */
    public X509Certificate issueServer(List<String> subjectAltNames, Duration validity) throws IOException {
        CertificateRequest request = CertificateRequest.server(subjectAltNames, validity);
        IssuedCertificate server = ca().issue(request);
        // Two files cannot be swapped in one step; a server that reloads between the two moves sees a key
        // that does not fit, keeps its old context, and reloads again once the certificate lands.
        Pem.writePrivateKey(serverKey(), server.privateKey(), WriteMode.REPLACE);
        Pem.writeCertificates(serverCertificate(), List.of(server.certificate()), WriteMode.REPLACE);
        return server.certificate();
    }

    /**
     * Renews {@code server.pem} for the same names, valid {@link CertificateAuthority#DEFAULT_SERVER_VALIDITY},
     * when it expires within {@code threshold} (or has expired).
     */
    public Optional<RenewalResult> renewServerCertificateIfExpiring(Duration threshold) throws IOException {
        return renewServerCertificateIfExpiring(threshold, CertificateAuthority.DEFAULT_SERVER_VALIDITY);
    }

    /** As {@link #renewServerCertificateIfExpiring(Duration)}, with the new certificate valid for {@code validity}. */
    public Optional<RenewalResult> renewServerCertificateIfExpiring(Duration threshold, Duration validity)
            throws IOException {
        X509Certificate current = Pem.readCertificate(serverCertificate());
        if (current.getNotAfter().toInstant().isAfter(Instant.now().plus(threshold))) {
            return Optional.empty();
        }
        requireCaCurrent();
        X509Certificate renewed = issueServer(subjectAltNames(current), validity);
        return Optional.of(new RenewalResult(current, renewed));
    }

    /**
     * Issues a client certificate for player {@code name} into {@code clients/NAME.pem} and
     * {@code clients/NAME.key}; with {@link WriteMode#CREATE_NEW} refuses when either exists.
     *
     * @throws IllegalArgumentException when {@code name} is not 1-64 of {@code A-Z a-z 0-9 . _ -}
     */
    public IssuedCertificate issueClient(String name, Duration validity, WriteMode mode) throws IOException {
        Path cert = clientCertificate(name);
        Path key = clientKey(name);
        if (mode == WriteMode.CREATE_NEW) {
            for (Path file : List.of(cert, key)) {
                if (Files.exists(file)) {
                    throw new ExistingFileException(file, file + " exists; use --force to issue a new certificate for "
                            + name + " (the old one stays valid until it expires or is revoked)");
                }
            }
        }
        IssuedCertificate client = ca().issueClientCertificate(name, validity);
        Pem.writePrivateKey(key, client.privateKey(), mode);
        Pem.writeCertificates(cert, List.of(client.certificate()), mode);
        return client;
    }

    /**
     * Revokes the certificate in {@code clients/NAME.pem}: adds its serial to {@code crl.pem} (keeping every
     * earlier entry) and signs the CRL again, current for {@link #CRL_VALIDITY}. Revoking twice is harmless.
     */
    public RevocationResult revoke(String clientName) throws IOException {
        Path certFile = clientCertificate(clientName);
        if (!Files.exists(certFile)) {
            throw new PemException(certFile, certFile + " not found; only certificates issued with "
                    + "'quiz-server certs client " + clientName + "' can be revoked by name");
        }
        X509Certificate certificate = Pem.readCertificate(certFile);
        CertificateAuthority ca = ca();
        if (!issuedBy(certificate, ca.certificate())) {
            throw new PemException(certFile, certFile + " was not issued by " + caCertificate()
                    + " (an older CA?); it is already refused, nothing to revoke");
        }
        Map<BigInteger, Instant> revocations = revokedSerials(ca);
        BigInteger serial = certificate.getSerialNumber();
        boolean alreadyRevoked = revocations.containsKey(serial);
        revocations.putIfAbsent(serial, Instant.now());
        X509CRL crl = ca.createCrl(revocations, CRL_VALIDITY);
        Pem.writeCrl(crl(), crl, WriteMode.REPLACE);
        return new RevocationResult(clientName, serial, alreadyRevoked, revocations.size(), crl);
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
        X509CRL current = Pem.readCrl(crl());
        if (current.getNextUpdate() != null
                && current.getNextUpdate().toInstant().isAfter(Instant.now().plus(threshold))) {
            return Optional.empty();
        }
        CertificateAuthority ca = ca();
        X509CRL refreshed = ca.createCrl(revokedSerials(ca), CRL_VALIDITY);
        Pem.writeCrl(crl(), refreshed, WriteMode.REPLACE);
        return Optional.of(refreshed);
    }

    /**
     * The serials revoked so far with their revocation dates, from {@code crl.pem} (empty when there is none),
     * ordered by revocation date, then serial.
     */
    public Map<BigInteger, Instant> revokedSerials() throws IOException {
        return revokedSerials(ca());
    }

    /**
     * Gets the PKI ready for a server started without --cert/--key: creates it on first run, reuses it
     * later, renews the server certificate (and CRL) within {@link #RENEWAL_THRESHOLD} of expiry, re-issues
     * it when {@code serverNames} asks for a name it does not cover, and refuses key files that others may
     * read. Tells the operator through {@code notices} what it did, the CA fingerprint, and the command
     * clients connect with.
     *
     * @param serverNames the names clients use to reach the server, e.g.
     *                    {@link CertificateAuthority#DEFAULT_SERVER_NAMES}; the first is used in the client command
     * @throws InsecureKeyFileException when {@code ca.key} or {@code server.key} is readable by others
     * @throws IOException              with a one-line message when the folder holds an incomplete or foreign PKI
     */
    public static DevPki ensureForServer(Path certsDir, List<String> serverNames, Consumer<String> notices)
            throws IOException {
        DevPki pki = in(certsDir);
        if (!pki.exists()) {
            pki.init(serverNames, CertificateAuthority.DEFAULT_CA_VALIDITY,
                    CertificateAuthority.DEFAULT_SERVER_VALIDITY);
            notices.accept("Created a development CA and server certificate in " + certsDir + " for "
                    + String.join(", ", serverNames));
        } else {
            pki.refreshForServer(serverNames, notices);
        }
        X509Certificate ca = Pem.readCertificate(pki.caCertificate());
        notices.accept("CA fingerprint " + Fingerprints.certificate(ca));
        notices.accept("clients connect with: " + pki.clientCommand(serverNames.get(0)));
        return pki;
    }

    /** The command a player runs to connect to {@code host} trusting this CA. */
    public String clientCommand(String host) {
        return "quiz play --host " + shellQuote(host) + " --cafile " + shellQuote(caCertificate().toString());
    }

    /** The command player {@code name} runs to connect to {@code host} with their client certificate. */
    public String clientCommand(String host, String name) {
        return "quiz play --host " + shellQuote(host) + " --cert " + shellQuote(clientCertificate(name).toString())
                + " --key " + shellQuote(clientKey(name).toString())
                + " --cafile " + shellQuote(caCertificate().toString());
    }

    /** The DNS names and IP addresses in a certificate's SAN extension, in order. */
    public static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names in "
                    + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** Whether {@code certificate} carries a signature of {@code issuer}'s key. */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void refreshForServer(List<String> serverNames, Consumer<String> notices) throws IOException {
        for (Path file : coreFiles()) {
            if (!Files.exists(file)) {
                throw new PemException(file, file + " is missing; run: quiz-server certs init --force"
                        + certsDirArgument() + " to create a new development PKI");
            }
        }
        SecureFiles.requireOwnerOnly(caKey());
        SecureFiles.requireOwnerOnly(serverKey());
        CertificateAuthority ca = ca();
        requireCaCurrent();
        X509Certificate server = Pem.readCertificate(serverCertificate());
        if (!issuedBy(server, ca.certificate())) {
            throw new PemException(serverCertificate(), serverCertificate() + " was not issued by " + caCertificate()
                    + "; run: quiz-server certs server --san NAME" + certsDirArgument()
                    + " to issue one from this CA");
        }
        Set<String> covered = new LinkedHashSet<>(normalizedNames(subjectAltNames(server)));
        List<String> missing = serverNames.stream().filter(name -> !covered.contains(normalizedName(name))).toList();
        if (!missing.isEmpty()) {
            Set<String> names = new LinkedHashSet<>(subjectAltNames(server));
            names.addAll(missing);
            issueServer(List.copyOf(names), CertificateAuthority.DEFAULT_SERVER_VALIDITY);
            notices.accept("Re-issued " + serverCertificate() + " to also cover " + String.join(", ", missing));
        } else {
            renewServerCertificateIfExpiring(RENEWAL_THRESHOLD).ifPresent(renewal -> notices.accept("Renewed "
                    + serverCertificate() + " (it expires " + day(renewal.previous().getNotAfter().toInstant())
                    + "); the new one is valid until " + day(renewal.renewed().getNotAfter().toInstant())));
        }
        if (!Files.exists(crl())) {
            // A PKI from before CRLs were created with it: add the empty CRL a running server can watch.
            Pem.writeCrl(crl(), ca.createCrl(revokedSerials(ca), CRL_VALIDITY), WriteMode.CREATE_NEW);
        }
        refreshCrlIfExpiring(RENEWAL_THRESHOLD).ifPresent(crl -> notices.accept(
                "Signed " + crl() + " again; it is current until " + day(crl.getNextUpdate().toInstant())));
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        if (caNotAfter.isBefore(Instant.now().plus(RENEWAL_THRESHOLD))) {
            notices.accept("The development CA " + caCertificate() + " expires " + day(caNotAfter)
                    + "; run: quiz-server certs init --force, then give players the new " + caCertificate());
        }
    }

    private void requireCaCurrent() throws IOException {
        X509Certificate ca = Pem.readCertificate(caCertificate());
        Instant notAfter = ca.getNotAfter().toInstant();
        if (!notAfter.isAfter(Instant.now())) {
            throw new PemException(caCertificate(), caCertificate() + " expired " + day(notAfter)
                    + "; run: quiz-server certs init --force" + certsDirArgument()
                    + " to create a new development PKI");
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

    /** {@code --certs-dir DIR} for a printed command, or nothing for the default folder. */
    private String certsDirArgument() {
        return dir.equals(Path.of("certs")) ? "" : " --certs-dir " + shellQuote(dir.toString());
    }

    private List<Path> coreFiles() {
        // Keys first, so a refusal names the secret that would have been lost.
        return List.of(caKey(), caCertificate(), serverKey(), serverCertificate());
    }

    private List<Path> clientCertificateFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(clientsDir())) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(clientsDir(), "*.pem")) {
                stream.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    private static String requireClientName(String name) {
        if (name == null || !CLIENT_NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("invalid client name '" + name
                    + "' (expected: 1-64 letters, digits, '.', '_' or '-', e.g. alice)");
        }
        return name;
    }

    private static List<String> normalizedNames(List<String> names) {
        return names.stream().map(DevPki::normalizedName).toList();
    }

    /** One spelling per name: lower-case host names, canonical IP addresses (::1 and 0:0:0:0:0:0:0:1 are equal). */
    private static String normalizedName(String name) {
        if (CertificateRequest.isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Quotes {@code word} for a POSIX shell when it holds anything but safe characters. */
    static String shellQuote(String word) {
        if (word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
