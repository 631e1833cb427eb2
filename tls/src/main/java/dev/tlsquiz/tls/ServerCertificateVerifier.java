package dev.tlsquiz.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's trust manager: applies the {@link ServerTrustCheck} a {@link ClientTrust} calls for and,
 * when it refuses, throws an exception that says why ({@link ServerCertificateRejectedException},
 * {@link UnknownServerKeyException}, {@link ServerKeyChangedException}). It runs on the event loop:
 * it never blocks on a person; the known-hosts lookup reads a small file.
 *
 * <p>Client side only: the client-certificate methods refuse everything. The host and port come from
 * the engine ({@code SslContext.newHandler(alloc, host, port)}), so only the engine variant is usable.
 */
final class ServerCertificateVerifier extends X509ExtendedTrustManager {

    private final ServerTrustCheck check;
    private final boolean openSsl;

    private ServerCertificateVerifier(ServerTrustCheck check, boolean openSsl) {
        this.check = check;
        this.openSsl = openSsl;
    }

    /**
     * A verifier for {@code trust}.
     *
     * @param cas     the CA certificates of a {@link ClientTrust.CaFile}, already read; unused otherwise
     * @param openSsl whether the engines are BoringSSL ones, which get OpenSSL verify error codes
     */
    static ServerCertificateVerifier create(ClientTrust trust, List<X509Certificate> cas, boolean openSsl) {
        return new ServerCertificateVerifier(checkFor(trust, cas), openSsl);
    }

    private static ServerTrustCheck checkFor(ClientTrust trust, List<X509Certificate> cas) {
        if (trust instanceof ClientTrust.CaFile caFile) {
            ServerTrustCheck chain = new CaChainCheck(cas, caFile.caFile());
            return caFile.publicKeyPin() == null
                    ? chain : new CombinedCheck(chain, new PinCheck(caFile.publicKeyPin()));
        }
        if (trust instanceof ClientTrust.Pin pin) {
            return new PinCheck(pin.publicKeyPin());
        }
        return new KnownHostsCheck(TrustManagers.system(),
                KnownHosts.at(((ClientTrust.SystemThenKnownHosts) trust).knownHostsFile()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        String host = engine.getPeerHost();
        if (host == null) {
            throw new CertificateException("no host to verify the server's certificate against; create the"
                    + " handler with ClientTls.newHandler(alloc, host, port)");
        }
        try {
            check.check(chain, authType, engine, host, engine.getPeerPort());
        } catch (CertificateException refusal) {
            throw openSsl ? OpenSslVerifyErrors.withVerifyError(refusal) : refusal;
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
        return check.acceptedIssuers().toArray(new X509Certificate[0]);
    }
}
