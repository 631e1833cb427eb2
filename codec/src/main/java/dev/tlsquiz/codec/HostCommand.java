package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * HOST_COMMAND, client to server: the host steers the room.
 *
 * @param action   what to do
 * @param argument for {@link Action#KICK}, the player's name as shown; empty otherwise
 */
public record HostCommand(Action action, String argument) implements QuizMessage {

    public HostCommand {
        Objects.requireNonNull(action, "action");
        Fields.string("argument", argument);
    }

    /** A command without argument. */
    public static HostCommand of(Action action) {
        return new HostCommand(action, "");
    }

    @Override
    public MessageType type() {
        return MessageType.HOST_COMMAND;
    }

    /** The host's commands. */
    public enum Action implements WireCode {
        /** Start the game: the first question goes out. */
        START(1),
        /** Close the open question now (and, between questions, ask the next one now). */
        NEXT(2),
        /** Ask no further question until RESUME (between questions). */
        PAUSE(3),
        /** Go on after PAUSE. */
        RESUME(4),
        /** Remove the player named by the argument; they cannot rejoin. */
        KICK(5),
        /** End the game now: final standings to everyone. */
        END(6);

        private final int code;

        Action(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }

        /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no action owns */
        public static Action fromCode(int code) {
            return WireCode.fromCode(values(), "command", code);
        }
    }
}
