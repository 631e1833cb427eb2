package dev.tlsquiz.client.play;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code quiz play} run needs besides its streams.
 *
 * @param host            the server host
 * @param port            the server port
 * @param connectTimeout  the TCP connect and TLS handshake timeout
 * @param playerName      the name sent in HELLO
 * @param requestedRounds the rounds asked for, or 0 for the server's default
 * @param mode            where answers come from
 * @param answers         the answer lines for {@link AnswerMode#SCRIPTED} and
 *                        {@link AnswerMode#INTERACTIVE}; {@code null} for {@link AnswerMode#AUTO}
 * @param answersFromTerminal whether {@code answers} is the terminal's own input, which the
 *                        trust prompt then shares
 * @param knownHosts      the known-hosts file a trusted-on-first-use key is remembered in, or
 *                        {@code null} when --cafile or --pin decides trust
 */
public record PlaySettings(String host, int port, Duration connectTimeout, String playerName,
                           int requestedRounds, AnswerMode mode, InputStream answers,
                           boolean answersFromTerminal, Path knownHosts) {

    public PlaySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(playerName, "playerName");
        Objects.requireNonNull(mode, "mode");
        if ((mode == AnswerMode.AUTO) != (answers == null)) {
            throw new IllegalArgumentException("answers: expected a stream unless mode is AUTO, got "
                    + (answers == null ? "none" : "one") + " for " + mode);
        }
    }
}
