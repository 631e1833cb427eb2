package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import dev.tlsquiz.text.LogText;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's trust manager: applies a {@link ClientTrust} and, when it refuses, throws an exception
 * that says why in terms a user can act on ({@link ServerCertificateRejectedException},
 * {@link UnknownServerKeyException}, {@link ServerKeyChangedException}). It runs on the event loop:
 * it never blocks on a person; the known-hosts lookup reads a small file.
 *
 * <p>Client side only: the client-certificate methods refuse everything. The host and port come from
 * the engine ({@code SslContext.newHandler(alloc, host, port)}), so only the engine variant is usable.
 */
final class ServerCertificateVerifier extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateVerifier.class);

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final ClientTrust trust;
    private final X509ExtendedTrustManager pkix;
    private final List<X509Certificate> anchors;
    private final KnownHosts knownHosts;
    private final boolean openSsl;

    private ServerCertificateVerifier(ClientTrust trust, X509ExtendedTrustManager pkix,
                                      List<X509Certificate> anchors, KnownHosts knownHosts, boolean openSsl) {
        this.trust = trust;
        this.pkix = pkix;
        this.anchors = anchors;
        this.knownHosts = knownHosts;
        this.openSsl = openSsl;
    }

    /**
     * A verifier for {@code trust}.
     *
     * @param cas     the CA certificates of a {@link ClientTrust.CaFile}, already read; unused otherwise
     * @param openSsl whether the engines are BoringSSL ones, which get OpenSSL verify error codes
     */
    static ServerCertificateVerifier create(ClientTrust trust, List<X509Certificate> cas, boolean openSsl) {
        if (trust instanceof ClientTrust.CaFile caFile) {
            String pin = caFile.publicKeyPin() == null ? null : Fingerprints.normalize(caFile.publicKeyPin());
            return new ServerCertificateVerifier(new ClientTrust.CaFile(caFile.caFile(), pin),
                    TrustManagers.forAnchors(cas), List.copyOf(cas), null, openSsl);
        }
        if (trust instanceof ClientTrust.Pin) {
            String pin = Fingerprints.normalize(((ClientTrust.Pin) trust).publicKeyPin());
            return new ServerCertificateVerifier(new ClientTrust.Pin(pin), null, List.of(), null, openSsl);
        }
        X509ExtendedTrustManager system = TrustManagers.system();
        return new ServerCertificateVerifier(trust, system, List.of(system.getAcceptedIssuers()),
                KnownHosts.at(((ClientTrust.SystemThenKnownHosts) trust).knownHostsFile()), openSsl);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        String host = engine.getPeerHost();
        int port = engine.getPeerPort();
        if (host == null) {
            throw new CertificateException("no host to verify the server's certificate against; create the"
                    + " handler with ClientTls.newHandler(alloc, host, port)");
        }
        try {
            if (trust instanceof ClientTrust.Pin) {
                checkPin(((ClientTrust.Pin) trust).publicKeyPin(), chain[0], host, port);
            } else if (trust instanceof ClientTrust.CaFile caFile) {
                checkChainAndHost(chain, authType, engine, host, port);
                if (caFile.publicKeyPin() != null) {
                    // Both apply, as curl's --pinnedpubkey with --cacert: the pin narrows what the CA vouches for.
                    checkPin(caFile.publicKeyPin(), chain[0], host, port);
                }
            } else {
                checkSystemThenKnownHosts(chain, authType, engine, host, port);
            }
        } catch (CertificateException refusal) {
            throw openSsl ? OpenSslVerifyErrors.withVerifyError(refusal) : refusal;
        }
    }

    private static void checkPin(String expected, X509Certificate leaf, String host, int port)
            throws ServerCertificateRejectedException {
        String presented = Fingerprints.publicKeyPin(leaf);
        if (Fingerprints.matches(expected, presented)) {
            return;
        }
        String where = KnownHosts.entryKey(host, port);
        if (Fingerprints.matches(expected, Fingerprints.certificate(leaf))) {
            // Both are SHA256:<hex>, so a pasted certificate fingerprint is an easy mistake; say which one it is.
            throw new ServerCertificateRejectedException(HandshakeFailure.Kind.PIN_MISMATCH,
                    "the pin " + expected + " is the certificate fingerprint, not the key pin, of the server at "
                            + where + "; --pin takes the key pin, which 'quiz-server certs show FILE' prints on the"
                            + " server as 'key pin: SHA256:...' (for this certificate it is " + presented
                            + "): run again with --pin and that value", null);
        }
        throw new ServerCertificateRejectedException(HandshakeFailure.Kind.PIN_MISMATCH,
                "WARNING: the server at " + where + " presented key " + presented
                        + " but the expected pin is " + expected + "; someone may be intercepting the"
                        + " connection; if the operator changed the key, get the new pin from them", null);
    }

    private void checkChainAndHost(X509Certificate[] chain, String authType, SSLEngine engine, String host,
                                   int port) throws CertificateException {
        try {
            // Without the engine, the JDK checks the chain (CA, dates, key usage) but not the host name.
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw explainChainFailure(e, chain[0], host, port);
        }
        try {
            // With the engine, whose endpoint identification is HTTPS, it checks the host name too.
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            List<String> names = hostNamesForMessage(chain[0]);
            throw new ServerCertificateRejectedException(HandshakeFailure.Kind.HOSTNAME_MISMATCH,
                    "the server's certificate does not name host '" + host + "' (it names: "
                            + (names.isEmpty() ? "nothing" : String.join(", ", names)) + "); connect with one of"
                            + " those names or ask the operator to issue a certificate with --san " + host, e);
        }
    }

    private void checkSystemThenKnownHosts(X509Certificate[] chain, String authType, SSLEngine engine,
                                           String host, int port) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, engine);
            return;
        } catch (CertificateException notTrustedBySystem) {
            // Not trusted by a public CA for this name: fall back to trust on first use.
        }
        X509Certificate leaf = chain[0];
        String presented = Fingerprints.publicKeyPin(leaf);
        KnownHosts.Contents contents;
        try {
            contents = knownHosts.read();
        } catch (IOException e) {
            throw new CertificateException(knownHosts.cannotRead(e), e);
        }
        reportLinesNamingNoServer(contents);
        List<KnownHosts.Entry> entries = contents.entriesFor(host, port);
        if (entries.isEmpty()) {
            throw new UnknownServerKeyException(host, port, presented, Fingerprints.certificate(leaf),
                    leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName());
        }
        for (KnownHosts.Entry entry : entries) {
            if (entry.readable() && Fingerprints.matches(entry.pin(), presented)) {
                return;
            }
        }
        // Any line about this server, even one whose pin cannot be read, makes it known: refuse, never ask.
        throw new ServerKeyChangedException(host, port, contents.file(), entries.get(0), presented);
    }

    /**
     * Logs the lines that name no server: one of them may be a damaged entry for the server being
     * checked, and only the user can tell.
     */
    private static void reportLinesNamingNoServer(KnownHosts.Contents contents) {
        for (KnownHosts.Malformed line : contents.malformed()) {
            LOG.warn("{}: line {} is not a known-hosts entry and is ignored: {}; its text: {}",
                    LogText.value(contents.file().toString()), line.line(), LogText.value(line.problem()),
                    LogText.value(line.text()));
        }
    }

    /** Works out why the JDK refused a chain, checking the signer first, as that matters most. */
    private CertificateException explainChainFailure(CertificateException failure, X509Certificate leaf,
                                                     String host, int port) {
        String where = KnownHosts.entryKey(host, port);
        if (!signedByAnchor(leaf)) {
            boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
            return new ServerCertificateRejectedException(HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE,
                    "the server's certificate for " + host + (selfSigned ? " is self-signed, and" : "")
                            + " is not signed by a CA you trust; pass --cafile CA.pem (from the server operator)"
                            + " or --pin SHA256:... (the server's key pin, from the operator)", failure);
        }
        Instant now = Instant.now();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return new ServerCertificateRejectedException(HandshakeFailure.Kind.EXPIRED,
                    "the server's certificate for " + where + " expired on " + leaf.getNotAfter().toInstant()
                            + "; ask the server operator to renew it (and check this machine's clock)", failure);
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return new ServerCertificateRejectedException(HandshakeFailure.Kind.NOT_YET_VALID,
                    "the server's certificate for " + where + " is not valid before "
                            + leaf.getNotBefore().toInstant() + "; check this machine's clock, or ask the"
                            + " operator to issue one valid now", failure);
        }
        if (!allowsServerAuth(leaf)) {
            return new ServerCertificateRejectedException(HandshakeFailure.Kind.NOT_A_SERVER_CERTIFICATE,
                    "the server at " + where + " presented a certificate that is not meant for servers (no"
                            + " serverAuth extended key usage); ask the operator to install a server certificate",
                    failure);
        }
        return new ServerCertificateRejectedException(HandshakeFailure.Kind.UNTRUSTED_CERTIFICATE,
                "the server's certificate for " + where + " was refused: " + failure.getMessage()
                        + "; ask the server operator to check it", failure);
    }

    private boolean signedByAnchor(X509Certificate leaf) {
        for (X509Certificate anchor : anchors) {
            if (!anchor.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                continue;
            }
            try {
                leaf.verify(anchor.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // Same name, other key: keep looking.
            }
        }
        return false;
    }

    private static boolean allowsServerAuth(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            return usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EXTENDED_KEY_USAGE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** The host names the certificate names, or a note that they cannot be read, for a refusal's message. */
    private static List<String> hostNamesForMessage(X509Certificate certificate) {
        try {
            return SubjectAltNames.hostNames(certificate);
        } catch (IllegalArgumentException unreadable) {
            return List.of("(unreadable SAN extension)");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("tlsquiz verifies servers through Netty's SSLEngine only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("tlsquiz verifies servers through Netty's SSLEngine only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks server certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager only checks server certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks server certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.toArray(new X509Certificate[0]);
    }
}
