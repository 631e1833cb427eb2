package dev.tlsquiz.client.room;

import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.HostCommand.Action;
import java.util.List;
import java.util.Locale;

/**
 * One line the host typed (or a script wrote on stdin), read as a command: {@code start}, {@code next},
 * {@code pause}, {@code resume}, {@code kick NAME}, {@code end} or {@code help}. Words in any case; the
 * name after {@code kick} exactly as the lobby shows it (spaces inside it included).
 */
public sealed interface HostInput {

    /** What {@code help} shows. */
    List<String> HELP = List.of(
            "  Commands (one a line):",
            "    start        start the game: the first question goes to every player",
            "    next         close the open question now (between questions: ask the next one now)",
            "    pause        ask no further question until resume",
            "    resume       go on after pause",
            "    kick NAME    remove the player NAME (as the lobby shows it); they cannot come back",
            "    end          end the game now: final standings to everyone",
            "    help         show this list");

    /** A command for the server. */
    record Send(HostCommand command) implements HostInput {
    }

    /** {@code help} or {@code ?}. */
    record Help() implements HostInput {
    }

    /** An empty line: nothing to do. */
    record Blank() implements HostInput {
    }

    /** Not a command; {@code reason} says what is wrong and what to type. */
    record Invalid(String reason) implements HostInput {
    }

    /** Reads {@code line}. */
    static HostInput parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return new Blank();
        }
        int space = indexOfWhitespace(text);
        String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space).strip();
        if (word.equals("help") || word.equals("?")) {
            return new Help();
        }
        Action action = switch (word) {
            case "start" -> Action.START;
            case "next" -> Action.NEXT;
            case "pause" -> Action.PAUSE;
            case "resume" -> Action.RESUME;
            case "kick" -> Action.KICK;
            case "end" -> Action.END;
            default -> null;
        };
        if (action == null) {
            return new Invalid("unknown command '" + shortened(word) + "': type start, next, pause, resume, kick NAME,"
                    + " end or help");
        }
        if (action == Action.KICK) {
            if (argument.isEmpty()) {
                return new Invalid("kick whom? type kick and the player's name as the lobby shows it, such as kick bo");
            }
            return new Send(new HostCommand(action, argument));
        }
        if (!argument.isEmpty()) {
            return new Invalid("'" + word + "' takes nothing after it: type " + word + " alone");
        }
        return new Send(HostCommand.of(action));
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String shortened(String word) {
        return word.length() <= 20 ? word : word.substring(0, 19) + "\u2026";
    }
}
