package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.PemException;
import dev.tlsquiz.tls.pki.SecureFiles;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/** Builds a server {@link SslContext} from the files a {@link ServerTlsConfig} names. */
final class ServerContexts {

    /**
     * A built context and the certificate it serves.
     *
     * @param ticketKeys  its session-ticket keys; null on the JDK provider, which manages its own
     * @param revocations the CRL its client certificates are checked against; null without client certificates
     */
    record Loaded(SslContext context, X509Certificate certificate, String fingerprint, TicketKeys ticketKeys,
                  RevocationList revocations) {
    }

    private ServerContexts() {
    }

    /**
     * Reads every file and builds a context.
     *
     * @param previous the context in service now, whose CRL a vanished CRL file must not drop; null at start
     * @throws IOException naming the file that cannot be used and why (PemException, InsecureKeyFileException)
     */
    static Loaded build(ServerTlsConfig config, SslProvider provider, Loaded previous) throws IOException {
        SecureFiles.requireOwnerOnly(config.keyFile());
        List<X509Certificate> chain = Pem.readCertificates(config.certFile());
        PrivateKey key = Pem.readPrivateKey(config.keyFile());
        X509Certificate leaf = chain.get(0);
        requireMatchingKey(config, key, leaf);
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain)
                .sslProvider(provider)
                .protocols(config.profile().protocols())
                .ciphers(config.profile().cipherSuites(), IdentityCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(alpn(provider, config.alpnId()));
        if (provider != SslProvider.JDK) {
            builder.option(OpenSslContextOption.GROUPS, config.groups().toArray(String[]::new));
        } else if (!config.groups().equals(TlsProfile.DEFAULT_GROUPS)) {
            throw new TlsConfigException("key exchange groups " + String.join(":", config.groups()) + " need the"
                    + " OpenSSL provider: the JDK sets them only for the whole JVM (jdk.tls.namedGroups)");
        }
        RevocationList revocations = null;
        if (config.clientAuth() != ClientAuthMode.NONE) {
            List<X509Certificate> clientCas = Pem.readCertificates(config.clientCaFile());
            revocations = RevocationList.read(config.crlFile(), clientCas, config.clientCaFile(),
                    previous == null ? null : previous.revocations());
            builder.trustManager(new RevocationCheckingTrustManager(TrustManagers.forAnchors(clientCas),
                            revocations.crl(), provider != SslProvider.JDK))
                    .clientAuth(config.clientAuth().nettyValue());
        }
        SslContext context;
        try {
            context = builder.build();
        } catch (SSLException e) {
            throw new TlsConfigException("cannot build the TLS context from " + config.certFile() + " and "
                    + config.keyFile() + ": " + e.getMessage(), e);
        }
        return new Loaded(context, leaf, Fingerprints.certificate(leaf), ticketKeys(context), revocations);
    }

    /**
     * Session resumption, by ticket: the session state travels with the client. Both providers
     * resume TLS 1.3 sessions by themselves (BoringSSL issues TLS 1.3 tickets even under Netty's
     * SSL_OP_NO_TICKET, with keys of its own; tcnative exposes no switch that stops it), so on
     * OpenSSL this context gets keys of ours instead: rotated every hour, new with every reload, and
     * they turn on TLS 1.2 tickets too. The server-side session cache (heap for every connection,
     * needed by neither) is turned off. The JDK keeps its own tickets, new with every context too.
     */
    private static TicketKeys ticketKeys(SslContext context) {
        if (context.sessionContext() instanceof OpenSslSessionContext sessions) {
            sessions.setSessionCacheEnabled(false);
            return TicketKeys.enable(sessions);
        }
        return null;
    }

    /**
     * The server's ALPN setting. The JDK fails the handshake with no_application_protocol by itself
     * (FATAL_ALERT); netty-tcnative cannot, so for OpenSSL the context only advertises, and
     * {@link AlpnGuardSslHandler} refuses the ClientHello instead.
     */
    private static ApplicationProtocolConfig alpn(SslProvider provider, String alpnId) {
        ApplicationProtocolConfig.SelectorFailureBehavior onNoMatch = provider == SslProvider.JDK
                ? ApplicationProtocolConfig.SelectorFailureBehavior.FATAL_ALERT
                : ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE;
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN, onNoMatch,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpnId);
    }

    private static void requireMatchingKey(ServerTlsConfig config, PrivateKey key, X509Certificate leaf)
            throws PemException {
        boolean matches;
        try {
            matches = KeyMatch.matches(key, leaf.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new PemException(config.keyFile(), config.keyFile() + " cannot be checked against "
                    + config.certFile() + ": " + e.getMessage(), e);
        }
        if (!matches) {
            throw new PemException(config.keyFile(), config.keyFile() + " is not the private key of the certificate in "
                    + config.certFile() + "; replace both files together (the key file last is fine: the"
                    + " server retries on the next change)");
        }
    }
}
