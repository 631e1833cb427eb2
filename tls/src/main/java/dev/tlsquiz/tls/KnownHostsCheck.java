package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.text.LogText;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts a server that the system trust store vouches for under the host's name; failing that, one
 * whose key the known-hosts file holds for this host and port (trust on first use). It runs on the
 * event loop and never asks: an unknown server is an {@link UnknownServerKeyException} for the client
 * to ask about, and a known server with another key a {@link ServerKeyChangedException}.
 */
final class KnownHostsCheck implements ServerTrustCheck {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsCheck.class);

    private final X509ExtendedTrustManager system;
    private final KnownHosts knownHosts;

    KnownHostsCheck(X509ExtendedTrustManager system, KnownHosts knownHosts) {
        this.system = system;
        this.knownHosts = knownHosts;
    }

    @Override
    public void check(X509Certificate[] chain, String authType, SSLEngine engine, String host, int port)
            throws CertificateException {
        try {
            system.checkServerTrusted(chain, authType, engine);
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

    @Override
    public List<X509Certificate> acceptedIssuers() {
        return List.of(system.getAcceptedIssuers());
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
}
