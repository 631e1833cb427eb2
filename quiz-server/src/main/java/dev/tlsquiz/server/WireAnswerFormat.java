package dev.tlsquiz.server;

import dev.tlsquiz.codec.AnswerFormat;

/**
 * A bank's answer format in the protocol's terms, as PROBLEM tells it to a client and a kept game
 * records it. The game and the banks know no codec; the sessions, the rooms and the recorder map here.
 */
public final class WireAnswerFormat {

    private WireAnswerFormat() {
    }

    /** The protocol's name for {@code format}. */
    public static AnswerFormat of(dev.tlsquiz.bank.AnswerFormat format) {
        return switch (format) {
            case INTEGER -> AnswerFormat.INTEGER;
            case NUMBER -> AnswerFormat.NUMBER;
            case ONE_CHOICE -> AnswerFormat.ONE_CHOICE;
            case SEVERAL_CHOICES -> AnswerFormat.SEVERAL_CHOICES;
            case TEXT -> AnswerFormat.TEXT;
        };
    }
}
