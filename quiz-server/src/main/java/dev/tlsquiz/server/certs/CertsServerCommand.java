package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.CertificateAuthority;
import dev.tlsquiz.tls.pki.DevPki;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiz-server certs server --san NAME... [--days N] [--new-key]}: a new server certificate from the
 * development CA, replacing {@code server.pem} (atomically): e.g. to serve under a real host name; the
 * loopback names ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) are kept among its names. It is
 * issued for the key in {@code server.key}, so the key pin players pinned stays valid; {@code --new-key}
 * replaces the key too, and warns that every pin and known_hosts entry must then be updated.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Issue a new server certificate from the development CA for the same key, replacing server.pem"
                + " (--new-key: server.key too).")
final class CertsServerCommand extends CertsSubcommand {

    @Option(names = "--san", paramLabel = "NAME", split = ",", required = true,
            description = "A name clients use to reach the server: host name or IP address; repeatable. "
                    + "The first is also the certificate's CN.")
    private List<String> names;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90",
            description = "Days the certificate is valid (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--new-key", description = "Also replace server.key with a new key (e.g. after the old one "
            + "leaked). Players who pinned the old key (--pin) or remember it in known_hosts are refused until "
            + "given the new pin.")
    private boolean newKey;

    @Override
    void run() throws IOException {
        requireDays("--days", days);
        List<String> kept = missingLoopbackNames(names);
        List<String> serverNames = Stream.concat(names.stream(), kept.stream()).toList();
        DevPki pki = certs.pki();
        X509Certificate server;
        Optional<String> replacedKeyPin = Optional.empty();
        if (newKey) {
            DevPki.NewServerKey issued = pki.issueServerWithNewKey(serverNames, Duration.ofDays(days));
            server = issued.certificate();
            replacedKeyPin = issued.previousKeyPin();
        } else {
            server = pki.issueServer(serverNames, Duration.ofDays(days));
        }
        out().printf("Issued %s for %s, valid until %s%n", pki.serverCertificate(),
                String.join(", ", SubjectAltNames.hostNames(server)), CertificateText.day(server.getNotAfter()));
        if (!kept.isEmpty()) {
            out().printf("Kept %s among its names, so clients on this machine still connect%n", String.join(", ", kept));
        }
        out().printf("Key: %s (secret, mode 0600)%n", pki.serverKey());
        out().printf("Certificate fingerprint %s%n", Fingerprints.certificate(server));
        out().printf("Key pin %s (%s)%n", Fingerprints.publicKeyPin(server),
                newKey ? "a new key" : "the same key: --pin and known_hosts entries still match");
        out().printf("A running quiz-server on this folder picks it up by itself; clients connect with: %s%n",
                connectCommand(names.get(0)));
        replacedKeyPin.ifPresent(previous -> warnNewServerKey(pki.serverKey(), server, previous));
    }

    /**
     * The loopback names {@code requested} lacks, kept beside it: a server certificate for a LAN name must not
     * stop the players on the server's own machine (and scripts/demo) from connecting by localhost.
     */
    static List<String> missingLoopbackNames(List<String> requested) {
        Set<String> have = requested.stream().map(CertsServerCommand::spelling).collect(Collectors.toSet());
        return CertificateAuthority.DEFAULT_SERVER_NAMES.stream().filter(name -> !have.contains(spelling(name)))
                .toList();
    }

    /** One spelling per name: an IP address by its bytes (::1 is 0:0:0:0:0:0:0:1), a host name in lower case. */
    private static String spelling(String name) {
        byte[] address = NetUtil.createByteArrayFromIpAddressString(name);
        return address != null ? Arrays.toString(address) : name.toLowerCase(Locale.ROOT);
    }
}
