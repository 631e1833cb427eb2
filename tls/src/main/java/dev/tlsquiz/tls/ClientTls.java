package dev.tlsquiz.tls;

import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.pki.SecureFiles;
import io.netty.buffer.ByteBufAllocator;
import io.netty.internal.tcnative.SSL;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The client's TLS: one context per {@link ClientTlsConfig}, one {@link SslHandler} per connection.
 * Every handler offers the config's ALPN id, sends SNI for DNS names (not for IP literals),
 * and verifies the server as the config's {@link ClientTrust} says; a refusal surfaces as an
 * exception that {@link HandshakeFailure#classify} turns into a kind and the facts behind it.
 */
public final class ClientTls implements AutoCloseable {

    private final SslContext context;
    private final SslProvider provider;
    private final boolean hasClientCertificate;

    private ClientTls(SslContext context, SslProvider provider, boolean hasClientCertificate) {
        this.context = context;
        this.provider = provider;
        this.hasClientCertificate = hasClientCertificate;
    }

    /**
     * Builds the client context.
     *
     * @throws IOException        when the CA, certificate or key file cannot be read, naming it; an
     *                            InsecureKeyFileException when the key is readable by group or others
     * @throws TlsConfigException when the provider is unavailable or the context cannot be built
     */
    public static ClientTls create(ClientTlsConfig config) throws IOException {
        SslProvider provider = config.provider().resolve();
        ClientTrust trust = config.trust();
        List<X509Certificate> cas = trust instanceof ClientTrust.CaFile
                ? Pem.readCertificates(((ClientTrust.CaFile) trust).caFile()) : List.of();
        ServerCertificateVerifier verifier = ServerCertificateVerifier.create(trust, cas, provider != SslProvider.JDK);
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(provider)
                .protocols(config.profile().protocols())
                .ciphers(config.profile().cipherSuites(), IdentityCipherSuiteFilter.INSTANCE)
                .trustManager(verifier)
                // The verifier checks the host name through the engine; a pin needs none.
                .endpointIdentificationAlgorithm(trust instanceof ClientTrust.Pin ? null : "HTTPS")
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, config.alpnId()));
        if (provider != SslProvider.JDK) {
            builder.option(OpenSslContextOption.GROUPS, TlsProfile.DEFAULT_GROUPS.toArray(String[]::new));
        }
        if (config.certFile() != null) {
            SecureFiles.requireOwnerOnly(config.keyFile());
            builder.keyManager(Pem.readPrivateKey(config.keyFile()), Pem.readCertificates(config.certFile()));
        }
        try {
            return new ClientTls(builder.build(), provider, config.certFile() != null);
        } catch (SSLException e) {
            throw new TlsConfigException("cannot build the client TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * A handler for one connection to {@code host:port}. The engine knows both, so the certificate is
     * checked against the host (its DNS SAN, or iPAddress SAN for an IP literal) and known hosts are
     * looked up by host and port.
     */
    public SslHandler newHandler(ByteBufAllocator alloc, String host, int port) {
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        SslHandler handler = context.newHandler(alloc, bareHost, port);
        if (handler.engine() instanceof ReferenceCountedOpenSslEngine) {
            refuseRenegotiation((ReferenceCountedOpenSslEngine) handler.engine());
        }
        if (!NetUtil.isValidIpV4Address(bareHost) && !NetUtil.isValidIpV6Address(bareHost)) {
            sendServerName(handler.engine(), bareHost);
        }
        return handler;
    }

    /**
     * Netty lets a BoringSSL client accept one renegotiation from a TLS 1.2 server (for servers that ask
     * for a client certificate that way); a tlsquiz server never renegotiates, so any request is refused.
     */
    private static void refuseRenegotiation(ReferenceCountedOpenSslEngine engine) {
        try {
            SSL.setRenegotiateMode(engine.sslPointer(), SSL.SSL_RENEGOTIATE_NEVER);
        } catch (Exception e) {
            throw new TlsConfigException("cannot turn off TLS renegotiation in BoringSSL: " + e.getMessage()
                    + "; use the JDK provider", e);
        }
    }

    /** The JDK sends SNI only for names with a dot; name the host explicitly so both providers send it. */
    private static void sendServerName(SSLEngine engine, String host) {
        SNIHostName name;
        try {
            name = new SNIHostName(host);
        } catch (IllegalArgumentException notADnsName) {
            // Not a DNS name (e.g. "my_host"): SNI cannot carry it; the certificate check still applies.
            return;
        }
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(List.of(name));
        engine.setSSLParameters(parameters);
    }

    /**
     * Turns a handshake failure (or an error right after the handshake) on a connection made with this
     * client into a kind and its facts; better than {@link HandshakeFailure#classify(Throwable, String, int)}
     * at telling a missing client certificate from a refused one, as it knows whether it has one.
     */
    public HandshakeFailure classify(Throwable cause, String host, int port) {
        return HandshakeFailure.classify(cause, host, port, hasClientCertificate);
    }

    /** The TLS implementation in use, e.g. {@code OpenSSL (BoringSSL)}. */
    public String providerName() {
        return TlsProvider.displayName(provider);
    }

    /** Releases the context; handlers already created keep working. */
    @Override
    public void close() {
        ReferenceCountUtil.release(context);
    }
}
