package dev.tlsquiz.server.certs;

import dev.tlsquiz.codec.Protocol;
import java.util.ArrayList;
import java.util.List;

/** A {@code quiz play} (or {@code quiz host}) command line printed for players to copy, built option by option. */
public final class ConnectCommand {

    private final List<String> words = new ArrayList<>();

    private ConnectCommand(InstalledCommands commands, String subcommand, String host) {
        words.add(commands.quiz());
        words.add(subcommand);
        option("--host", host);
    }

    /** {@code quiz play --host HOST}. */
    public static ConnectCommand to(InstalledCommands commands, String host) {
        return new ConnectCommand(commands, "play", host);
    }

    /** {@code quiz host --host HOST}: a room's host connects as a player does. */
    public static ConnectCommand hostTo(InstalledCommands commands, String host) {
        return new ConnectCommand(commands, "host", host);
    }

    /** Adds {@code --port PORT} unless it is the default port, which needs no option. */
    public ConnectCommand port(int port) {
        if (port != Protocol.DEFAULT_PORT) {
            option("--port", Integer.toString(port));
        }
        return this;
    }

    /** Adds {@code NAME VALUE}, the value quoted for a shell when it needs it. */
    public ConnectCommand option(String name, String value) {
        words.add(name);
        words.add(ShellWords.quote(value));
        return this;
    }

    /** Adds a placeholder the player replaces ({@code NAME.pem}), unquoted so it reads as one. */
    public ConnectCommand placeholder(String name, String placeholder) {
        words.add(name);
        words.add(placeholder);
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
