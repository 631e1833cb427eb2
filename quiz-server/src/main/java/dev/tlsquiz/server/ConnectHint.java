package dev.tlsquiz.server;

import dev.tlsquiz.server.certs.ConnectCommand;
import dev.tlsquiz.server.certs.InstalledCommands;
import dev.tlsquiz.server.certs.PkiAdvice;
import dev.tlsquiz.server.certs.ShellWords;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.pki.Certificates;
import dev.tlsquiz.tls.pki.Fingerprints;
import dev.tlsquiz.tls.pki.ServerPkiReport;
import dev.tlsquiz.tls.pki.SubjectAltNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import io.netty.util.NetUtil;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The "clients connect with" lines a server prints once it listens: a {@code quiz play} command a player
 * can copy as it is. It names an address the server really listens on and its certificate covers (for a
 * wildcard {@code --bind}, this machine's addresses that the certificate covers, or else the certificate's
 * names), the port unless it is the default, how to trust the server (the development CA, or the key pin
 * with the operator's own certificate), and client certificates when the server asks for them.
 */
final class ConnectHint {

    /** The loopback names, the IPv4 ones first. */
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

    /** What the hint is made of; {@code devPki} is empty when the server runs with its own certificate. */
    record Facts(InstalledCommands commands, String bindAddress, int port, ClientAuthMode clientAuth,
                 X509Certificate certificate, Optional<ServerPkiReport> devPki, List<InetAddress> machineAddresses,
                 Optional<Path> hostTokenFile) {
        Facts {
            machineAddresses = List.copyOf(machineAddresses);
        }

        Facts(InstalledCommands commands, String bindAddress, int port, ClientAuthMode clientAuth,
              X509Certificate certificate, Optional<ServerPkiReport> devPki, List<InetAddress> machineAddresses) {
            this(commands, bindAddress, port, clientAuth, certificate, devPki, machineAddresses, Optional.empty());
        }
    }

    private ConnectHint() {
    }

    /** The lines, in the order printed. */
    static List<String> lines(Facts facts) {
        List<String> lines = new ArrayList<>();
        facts.devPki().ifPresent(report -> lines.add("CA fingerprint " + report.caFingerprint()));
        List<String> hosts = coveredHosts(facts);
        List<String> names = SubjectAltNames.hostNames(facts.certificate());
        if (hosts.isEmpty()) {
            lines.add("clients connect with: " + command(facts, "NAME") + "  (NAME: one of the server certificate's"
                    + " names: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        } else {
            // A loopback bind has one obvious name; a wildcard one lists every way in.
            String others = hosts.size() > 1 && isWildcard(facts.bindAddress()) ? "  (or --host " + String.join(" or --host ", hosts.subList(1, hosts.size()))
                    + ")" : "";
            lines.add("clients connect with: " + command(facts, hosts.get(0)) + others);
            // The same way in, with the token file: a host copies it as a player copies the line above.
            facts.hostTokenFile().ifPresent(file -> lines.add("hosts open a room with: " + command(facts,
                    ConnectCommand.hostTo(facts.commands(), hosts.get(0)).option("--token-file", file.toString()))));
        }
        uncoveredAddressNote(facts, hosts).ifPresent(lines::add);
        clientCertificateNote(facts).ifPresent(lines::add);
        return lines;
    }

    private static String command(Facts facts, String host) {
        return command(facts, ConnectCommand.to(facts.commands(), host));
    }

    private static String command(Facts facts, ConnectCommand command) {
        command.port(facts.port());
        if (facts.clientAuth() == ClientAuthMode.REQUIRE) {
            command.placeholder("--cert", clientFile(facts, "pem")).placeholder("--key", clientFile(facts, "key"));
        }
        if (facts.devPki().isPresent()) {
            return command.option("--cafile", facts.devPki().get().pki().caCertificate().toString()).toString();
        }
        return command.option("--pin", Fingerprints.publicKeyPin(facts.certificate()))
                + "  (or, in place of --pin, --cafile YOUR-CA.pem: the CA that signed the server certificate)";
    }

    /**
     * For a wildcard bind whose certificate covers loopback only: players on other machines cannot use
     * any address of this one until the certificate names it.
     */
    private static Optional<String> uncoveredAddressNote(Facts facts, List<String> hosts) {
        if (!isWildcard(facts.bindAddress()) || hosts.stream().anyMatch(host -> !LOOPBACK_NAMES.contains(host))) {
            return Optional.empty();
        }
        List<String> addresses = remoteAddresses(facts);
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        String fix = facts.devPki()
                .map(report -> "; to add one run: " + new PkiAdvice(facts.commands(), report.pki().dir())
                        .certsCommand(certsServerArguments(facts.certificate(), addresses.get(0))))
                .orElse("; players elsewhere connect by a name it covers");
        return Optional.of("the server certificate covers none of this machine's other addresses ("
                + String.join(", ", addresses) + ")" + fix);
    }

    private static String clientFile(Facts facts, String extension) {
        return facts.devPki().map(report -> report.pki().clientsDir().resolve("NAME." + extension).toString())
                .orElse("NAME." + extension);
    }

    private static Optional<String> clientCertificateNote(Facts facts) {
        Optional<String> issue = facts.devPki().map(report -> "; issue one with: "
                + new PkiAdvice(facts.commands(), report.pki().dir()).certsCommand("client NAME"));
        return switch (facts.clientAuth()) {
            case REQUIRE -> Optional.of("every player needs a client certificate (--cert, --key)" + issue.orElse(""));
            case OPTIONAL -> Optional.of("players with a client certificate add --cert NAME.pem --key NAME.key"
                    + " to play under their verified name" + issue.orElse(""));
            case NONE -> Optional.empty();
        };
    }

    /**
     * {@code server --san NAME...} for the certificate's names beyond loopback, then {@code address}: the
     * names it had stay ({@code certs server} replaces them, keeping only the loopback ones by itself).
     */
    private static String certsServerArguments(X509Certificate certificate, String address) {
        StringBuilder arguments = new StringBuilder("server");
        for (String name : SubjectAltNames.hostNames(certificate)) {
            if (!isLoopbackName(name)) {
                arguments.append(" --san ").append(ShellWords.quote(name));
            }
        }
        return arguments.append(" --san ").append(ShellWords.quote(address)).toString();
    }

    /** {@code localhost} or a loopback address literal; a host name is never looked up. */
    private static boolean isLoopbackName(String name) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(name);
        if (literal == null) {
            return name.equalsIgnoreCase("localhost");
        }
        try {
            return InetAddress.getByAddress(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The hosts a player can pass to {@code --host}: those the server listens on and its certificate covers,
     * best first (this machine's addresses for a wildcard bind, then loopback; {@code localhost} for a
     * loopback bind).
     */
    static List<String> coveredHosts(Facts facts) {
        List<String> candidates = new ArrayList<>();
        InetAddress bind = address(facts.bindAddress());
        if (bind != null && bind.isAnyLocalAddress()) {
            candidates.addAll(remoteAddresses(facts));
            // Players on this machine can always come in by loopback (IPv4's only, for 0.0.0.0).
            candidates.addAll(bind instanceof Inet4Address ? LOOPBACK_NAMES.subList(0, 2) : LOOPBACK_NAMES);
        } else if (bind != null && bind.isLoopbackAddress()) {
            candidates.add("localhost");
            candidates.add(NetUtil.toAddressString(bind));
        } else {
            candidates.add(facts.bindAddress());
        }
        List<String> notCovered = Certificates.namesNotCovered(facts.certificate(), candidates);
        return candidates.stream().filter(name -> !notCovered.contains(name)).distinct().toList();
    }

    /** This machine's addresses a wildcard bind listens on and another machine may reach. */
    private static List<String> remoteAddresses(Facts facts) {
        boolean ipv4Only = address(facts.bindAddress()) instanceof Inet4Address;
        return facts.machineAddresses().stream()
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .filter(address -> !ipv4Only || address instanceof Inet4Address)
                .map(NetUtil::toAddressString)
                .distinct()
                .toList();
    }

    private static boolean isWildcard(String literal) {
        InetAddress address = address(literal);
        return address != null && address.isAnyLocalAddress();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** This machine's addresses on interfaces that are up; empty when they cannot be listed. */
    static List<InetAddress> machineAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // Without the list the hint falls back to the certificate's names, which is still true.
            return List.of();
        }
        return addresses;
    }
}
