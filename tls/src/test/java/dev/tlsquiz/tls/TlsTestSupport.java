package dev.tlsquiz.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.tls.pki.Pem;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.time.Duration;

/** Shortcuts for building servers and clients in tests. */
final class TlsTestSupport {

    /** The ALPN id the tests' servers and clients agree on; the quiz's own id lives in the codec. */
    static final String ALPN_ID = "tlsquiz/1";

    private TlsTestSupport() {
    }

    /** Fails loudly, rather than skipping, when netty-tcnative is missing: both providers must be tested. */
    static void requireOpenSsl() {
        assertTrue(io.netty.handler.ssl.OpenSsl.isAvailable(),
                () -> "netty-tcnative-boringssl-static must load for these tests: "
                        + io.netty.handler.ssl.OpenSsl.unavailabilityCause());
    }

    static ServerTlsConfig serverConfig(TestPki.Credentials credentials, TlsProvider provider) {
        return new ServerTlsConfig(credentials.cert(), credentials.key(), 
                TlsParameters.defaults().withProvider(provider), ClientCertificates.NONE,
                Duration.ofMillis(100), ALPN_ID);
    }

    static ServerTls openServer(ServerTlsConfig config) {
        try {
            return ServerTls.open(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientTls client(ClientTrust trust, TlsProvider provider) {
        return client(new ClientTlsConfig(trust, null, null, provider, TlsProfile.MODERN, ALPN_ID));
    }

    static ClientTls client(ClientTlsConfig config) {
        try {
            return ClientTls.create(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientTls caClient(Path caFile, TlsProvider provider) {
        return client(new ClientTrust.CaFile(caFile), provider);
    }

    /**
     * A client context that presents {@code credentials} whatever CAs the server asks for (as {@code openssl
     * s_client -cert} does; the project's client only offers a certificate from a CA the server names), and
     * trusts the server's CA in {@code caFile}.
     */
    static SslContext alwaysPresenting(TestPki.Credentials credentials, Path caFile, TlsProvider provider) {
        try {
            return alwaysPresenting(Pem.readPrivateKey(credentials.key()), credentials.certificate(), caFile, provider);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #alwaysPresenting(TestPki.Credentials, Path, TlsProvider)}, from a key and certificate. */
    static SslContext alwaysPresenting(PrivateKey key, X509Certificate certificate, Path caFile, TlsProvider provider) {
        try {
            X509Certificate[] chain = {certificate};
            X509ExtendedKeyManager keyManager = new X509ExtendedKeyManager() {
                @Override
                public String[] getClientAliases(String keyType, Principal[] issuers) {
                    return new String[] {"client"};
                }

                @Override
                public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
                    return "client";
                }

                @Override
                public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
                    return "client";
                }

                @Override
                public String[] getServerAliases(String keyType, Principal[] issuers) {
                    return new String[0];
                }

                @Override
                public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                    return null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return chain.clone();
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return key;
                }
            };
            return SslContextBuilder.forClient().sslProvider(provider.resolve()).protocols(TlsProfile.MODERN.protocols())
                    .keyManager(keyManager).trustManager(caFile.toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A self-signed client certificate (and its key) whose CN is {@code commonName} exactly as given, control
     * characters and all: what anyone can make with openssl, and what the CA would never issue.
     */
    static KeyStore.PrivateKeyEntry selfSignedClient(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new KeyStore.PrivateKeyEntry(keys.getPrivate(), new X509Certificate[] {certificate});
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
