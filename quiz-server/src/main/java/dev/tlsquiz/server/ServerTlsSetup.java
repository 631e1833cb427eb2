package dev.tlsquiz.server;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.converters.ClientAuthConverter;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.ServerTls;
import dev.tlsquiz.tls.ServerTlsConfig;
import dev.tlsquiz.tls.pki.DevPki;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the TLS options of a {@link ServerConfig} into an open {@link ServerTls}. Without
 * {@code --cert}/{@code --key} the server uses the development PKI in {@code --certs-dir}
 * (created on first run, reused and renewed later); with client authentication on and no
 * {@code --client-ca}, client certificates are checked against the CA in that folder. Whenever client
 * certificates are accepted, they are also checked against a CRL: {@code --crl}, or {@code crl.pem}
 * beside the client CA ({@link ServerTlsConfig}), watched even before it exists.
 */
final class ServerTlsSetup {

    /** How often the certificate, key, client CA and CRL files are checked for changes. */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

    private static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private ServerTlsSetup() {
    }

    /**
     * Opens the server's TLS.
     *
     * @param notices receives lines for the operator (the CA fingerprint, how clients connect)
     * @throws ServerStartException with a one-line message when a file is missing, unsafe or invalid
     */
    static ServerTls open(ServerConfig config, Consumer<String> notices) throws ServerStartException {
        try {
            Path cert = config.certFile();
            Path key = config.keyFile();
            Path clientCa = config.clientCaFile();
            boolean clientAuth = config.clientAuth() != ClientAuthMode.NONE;
            if (cert == null) {
                DevPki pki = DevPki.ensureForServer(config.certsDir(), serverNames(config), notices);
                cert = pki.serverCertificate();
                key = pki.serverKey();
                if (clientAuth && clientCa == null) {
                    clientCa = pki.caCertificate();
                }
            } else if (clientAuth && clientCa == null) {
                clientCa = config.certsDir().resolve(DevPki.CA_CERT_FILE);
                if (!Files.exists(clientCa)) {
                    throw new ServerStartException("--client-auth " + ClientAuthConverter.format(config.clientAuth())
                            + " needs the CA that signs client certificates, and " + clientCa
                            + " does not exist; pass --client-ca FILE");
                }
            }
            return ServerTls.open(new ServerTlsConfig(cert, key, config.tlsProvider(), config.tlsProfile(),
                    config.clientAuth(), clientCa, config.crlFile(), RELOAD_INTERVAL, config.tlsGroups(),
                    Protocol.ALPN_ID));
        } catch (ServerStartException e) {
            throw e;
        } catch (Exception e) {
            // Caught broadly: the TLS module's exceptions already carry one-line messages for the operator.
            throw new ServerStartException(describe(e), e);
        }
    }

    /** The names the development server certificate is issued for: loopback, plus the bind address. */
    static List<String> serverNames(ServerConfig config) {
        List<String> names = new ArrayList<>(LOCAL_NAMES);
        String bind = config.bindAddress();
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

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "cannot read " + missing.getFile() + ": no such file; check --cert, --key, --client-ca, --crl and --certs-dir";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
