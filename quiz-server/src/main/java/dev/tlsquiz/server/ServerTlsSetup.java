package dev.tlsquiz.server;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.certs.PkiAdvice;
import dev.tlsquiz.server.config.TlsSource;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.InsecureKeyFileException;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link TlsSource} into an open {@link ServerTls}. Without
 * {@code --cert}/{@code --key} the server uses the development PKI in {@code --certs-dir}
 * (created on first run, reused and renewed later); with client authentication on and no
 * {@code --client-ca}, client certificates are checked against the CA in that folder. Whenever client
 * certificates are accepted, they are also checked against a CRL: {@code --crl}, or {@code crl.pem}
 * beside the client CA ({@link ServerTlsConfig}), watched even before it exists.
 */
final class ServerTlsSetup {

    private static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private ServerTlsSetup() {
    }

    /**
     * The server's TLS, open, and what was done to the development PKI to get it (empty with the operator's
     * own certificate).
     */
    record Opened(ServerTls tls, Optional<ServerPkiReport> devPki) {
    }

    /**
     * Opens the server's TLS.
     *
     * @param advice adds what to run next to a failure, here and when a later reload fails
     * @throws ServerStartException with a one-line message when a file is missing, unsafe or invalid
     */
    static Opened open(ServerConfig config, PkiAdvice advice) throws ServerStartException {
        TlsSource source = config.tls();
        Optional<ServerPkiReport> devPki = Optional.empty();
        try {
            Path cert = source.certFile();
            Path key = source.keyFile();
            Path clientCa = source.clientCaFile();
            boolean clientAuth = source.clientAuth() != ClientAuthMode.NONE;
            if (cert == null) {
                ServerPkiReport report = DevPki.ensureForServer(source.certsDir(), serverNames(config));
                devPki = Optional.of(report);
                DevPki pki = report.pki();
                cert = pki.serverCertificate();
                key = pki.serverKey();
                if (clientAuth && clientCa == null) {
                    clientCa = pki.caCertificate();
                }
            } else if (clientAuth && clientCa == null) {
                clientCa = source.certsDir().resolve(DevPki.CA_CERT_FILE);
                if (!Files.exists(clientCa)) {
                    String mode = source.clientAuth().name().toLowerCase(Locale.ROOT);
                    throw new ServerStartException(ServerStartException.Reason.TLS_SETUP, "--client-auth " + mode
                            + " needs the CA that signs client certificates, and " + clientCa
                            + " does not exist; pass --client-ca FILE", null);
                }
            }
            // The files are checked for changes as often as the TLS module does unless told otherwise.
            ServerTls tls = ServerTls.open(new ServerTlsConfig(cert, key, source.parameters(),
                    source.clients().withCaFile(clientCa), ServerTlsConfig.DEFAULT_RELOAD_INTERVAL, Protocol.ALPN_ID),
                    advice::describe);
            return new Opened(tls, devPki);
        } catch (ServerStartException e) {
            throw e;
        } catch (Exception e) {
            // Caught broadly: the TLS module's exceptions already carry one-line messages for the operator.
            throw new ServerStartException(reasonOf(e), describe(e, advice), e);
        }
    }

    /** The names the development server certificate is issued for: loopback, plus the bind address. */
    static List<String> serverNames(ServerConfig config) {
        List<String> names = new ArrayList<>(LOCAL_NAMES);
        String bind = config.listening().bindAddress();
        if (!names.contains(bind) && !isWildcard(bind)) {
            names.add(bind);
        }
        return names;
    }

    private static boolean isWildcard(String address) {
        try {
            return InetAddress.getByName(address).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An unsafe key has its own exit status: its fix ({@code chmod 600}) is not that of a broken file. */
    private static ServerStartException.Reason reasonOf(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InsecureKeyFileException) {
                return ServerStartException.Reason.KEY_PERMISSIONS;
            }
        }
        return ServerStartException.Reason.TLS_SETUP;
    }

    private static String describe(Exception e, PkiAdvice advice) {
        if (e instanceof NoSuchFileException missing) {
            return "cannot read " + missing.getFile() + ": no such file; check --cert, --key, --client-ca, --crl and --certs-dir";
        }
        return advice.describe(e);
    }
}
