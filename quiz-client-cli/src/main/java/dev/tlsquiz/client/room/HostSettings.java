package dev.tlsquiz.client.room;

import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.QuestionSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one {@code quiz host} run needs besides its streams.
 *
 * @param host           the server host
 * @param port           the server port
 * @param connectTimeout the TCP connect and TLS handshake timeout
 * @param opening        the HOST message (with the token: never logged, see {@link Host#toString()})
 * @param bankText       the bank's text when the host sends one ({@link QuestionSource#sentByHost()}), else empty
 * @param startWhen      start once this many players are in, if given
 * @param startAfter     start this long after the room opened, if given
 * @param knownHosts     the known-hosts file a server's key is looked up in, or {@code null} under --cafile or --pin
 */
public record HostSettings(String host, int port, Duration connectTimeout, Host opening, Optional<String> bankText,
                           OptionalInt startWhen, Optional<Duration> startAfter, Path knownHosts) {

    public HostSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(bankText, "bankText");
        Objects.requireNonNull(startWhen, "startWhen");
        Objects.requireNonNull(startAfter, "startAfter");
        if (opening.source().sentByHost() != bankText.isPresent()) {
            throw new IllegalArgumentException("bankText: expected one exactly when the source is a bank the host sends"
                    + " (source " + opening.source() + ")");
        }
    }

    /** The options a player needs to reach the same server, for the join command shown to them. */
    List<String> serverOptions(int defaultPort) {
        List<String> options = new java.util.ArrayList<>();
        if (!host.equals("localhost")) {
            options.add("--host");
            options.add(host);
        }
        if (port != defaultPort) {
            options.add("--port");
            options.add(Integer.toString(port));
        }
        return options;
    }
}
