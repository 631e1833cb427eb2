package dev.tlsquiz.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random valid messages, for the fuzz test: any field value the records accept. */
final class RandomMessages {

    private static final String[] ALPHABETS = {"abcxyz0123456789 +-*/", "é€字🦊\u0301", "\u0000\n\t"};

    private RandomMessages() {
    }

    /** A random message of a type {@code sender} may send, as version {@code version} carries it. */
    static QuizMessage message(Random random, Side sender, int version) {
        MessageType[] types = MessageType.values();
        MessageType type;
        do {
            type = types[random.nextInt(types.length)];
        } while (!type.direction().allowsSender(sender));
        return switch (type) {
            case HELLO -> new Hello(u16(random), string(random), u16(random));
            case WELCOME -> new Welcome(u16(random), random.nextLong(), u16(random), u32(random),
                    string(random), string(random));
            case PROBLEM -> version >= Protocol.VERSION_2 ? problemOfVersion2(random)
                    : new Problem(u32(random), u16(random), u16(random), u32(random), string(random), choices(random));
            case ANSWER -> new Answer(u32(random), string(random));
            case VERDICT -> new Verdict(u32(random), Outcome.values()[random.nextInt(3)], string(random),
                    u32(random), u32(random), version >= Protocol.VERSION_2 ? string(random) : "");
            case SUMMARY -> new Summary(u16(random), u16(random), u16(random), u32(random),
                    random.nextLong() & Long.MAX_VALUE);
            case ERROR -> new ErrorMessage(u16(random), string(random));
            case PING -> new Ping(random.nextLong());
            case PONG -> new Pong(random.nextLong());
            case BYE -> new Bye();
            case HOST -> new Host(u16(random), string(random), string(random), string(random), u16(random),
                    u32(random), pick(random, QuestionSource.values()), string(random), random.nextInt(256),
                    random.nextLong(), random.nextBoolean(), pick(random, RequestedOrder.values()),
                    random.nextBoolean(), u32(random));
            case BANK_PART -> new BankPart(string(random));
            case JOIN -> new Join(u16(random), string(random), string(random), string(random));
            case ROOM -> new Room(string(random), pick(random, RoomRole.values()), string(random),
                    pick(random, RoomState.values()), u32(random), string(random), random.nextBoolean());
            case LOBBY -> new Lobby(pick(random, RoomState.values()), u32(random), choices(random));
            case PROGRESS -> new Progress(u32(random), u32(random), u32(random));
            case STANDINGS -> new Standings(u32(random), u16(random), u16(random), random.nextBoolean(), u32(random),
                    entries(random), u32(random), u32(random));
            case NOTICE -> new Notice(u16(random), string(random));
            case ROOM_CLOSED -> new RoomClosed(pick(random, RoomCloseReason.values()), string(random));
            case HOST_COMMAND -> new HostCommand(pick(random, HostCommand.Action.values()), string(random));
        };
    }

    private static Problem problemOfVersion2(Random random) {
        AnswerFormat format = AnswerFormat.values()[random.nextInt(AnswerFormat.values().length)];
        List<String> choices = new ArrayList<>();
        if (format.hasChoices()) {
            for (int count = 1 + random.nextInt(5); count > 0; count--) {
                choices.add(string(random));
            }
        }
        return new Problem(u32(random), u16(random), u16(random), u32(random), string(random), format, choices);
    }

    private static List<Standings.Entry> entries(Random random) {
        List<Standings.Entry> entries = new ArrayList<>();
        for (int count = random.nextInt(6); count > 0; count--) {
            entries.add(new Standings.Entry(u32(random), string(random), u32(random)));
        }
        return entries;
    }

    private static <E> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int u16(Random random) {
        return random.nextInt(0x10000);
    }

    private static long u32(Random random) {
        return random.nextInt() & 0xFFFF_FFFFL;
    }

    private static String string(Random random) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(24);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }

    private static List<String> choices(Random random) {
        int count = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            choices.add(string(random));
        }
        return choices;
    }
}
