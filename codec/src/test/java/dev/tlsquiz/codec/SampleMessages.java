package dev.tlsquiz.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * At least one message of every type, with the edge cases of each field: empty and non-ASCII
 * strings, the largest value of each integer, a full list of choices.
 */
final class SampleMessages {

    /** A name mixing a CJK name, an emoji outside the BMP and a combining accent. */
    static final String NON_ASCII = "李小龍 🦊 Zoë\u0301";

    private SampleMessages() {
    }

    static List<QuizMessage> all() {
        List<QuizMessage> messages = new ArrayList<>(List.of(
                new Hello(1, "ada", 5),
                new Hello(0, "", 0),
                new Hello(0xFFFF, NON_ASCII, 0xFFFF),
                new Welcome(1, 0x0123_4567_89AB_CDEFL, 10, 15_000, "ada", "tlsquiz/0.1.0"),
                new Welcome(0xFFFF, -1L, 0, 0xFFFF_FFFFL, "", NON_ASCII),
                new Problem(1, 1, 10, 15_000, "17 + 25"),
                new Problem(0xFFFF_FFFFL, 0xFFFF, 0xFFFF, 0, "", List.of("", NON_ASCII, "42")),
                new Problem(2, 2, 3, 1000, "pick one", choices(255)),
                new Answer(1, "42"),
                new Answer(0xFFFF_FFFFL, ""),
                new Answer(0, NON_ASCII),
                new Verdict(1, Outcome.CORRECT, "42", 10, 10),
                new Verdict(2, Outcome.WRONG, NON_ASCII, 0, 0xFFFF_FFFFL),
                new Verdict(0xFFFF_FFFFL, Outcome.TIMEOUT, "", 0xFFFF_FFFFL, 0),
                new Summary(7, 9, 10, 70, 123_456),
                new Summary(0, 0, 0, 0, 0),
                new Summary(0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF_FFFFL, Long.MAX_VALUE),
                new ErrorMessage(ErrorCode.WRONG_PROBLEM, "answer for problem 3, but problem 4 is open"),
                new ErrorMessage(0xFFFF, ""),
                new ErrorMessage(0, NON_ASCII),
                new Ping(0),
                new Ping(-1L),
                new Pong(0x8000_0000_0000_0001L),
                new Pong(42),
                new Bye()));
        messages.addAll(rooms());
        return List.copyOf(messages);
    }

    /**
     * The room messages. Their layout does not change with the version (rooms exist from version 2
     * on; HOST and JOIN are read before any version is known), so they round-trip in every version.
     */
    static List<QuizMessage> rooms() {
        return List.of(
                new Host(2, "teacher", "", "c2VjcmV0", 10, 15_000, QuestionSource.ARITHMETIC, "+-*", 2, 42, true,
                        RequestedOrder.SERVER_DEFAULT, true, 0),
                new Host(0xFFFF, NON_ASCII, "K7Q-2MF", "", 0xFFFF, 0xFFFF_FFFFL, QuestionSource.CSV_BANK, "", 0xFF,
                        -1L, false, RequestedOrder.SHUFFLED, false, 0xFFFF_FFFFL),
                Host.reclaim("host", "K7Q-2MF", "tok"),
                new BankPart("::Q1:: 2 + 2 {=4}\n"),
                new BankPart(""),
                new Join(2, "k7q2mf", "ada", ""),
                new Join(0xFFFF, NON_ASCII, NON_ASCII, "AAAAAAAAAAAAAAAAAAAAAA"),
                new Room("K7Q-2MF", RoomRole.PLAYER, "AAAAAAAAAAAAAAAAAAAAAA", RoomState.LOBBY, 3, "teacher", true),
                new Room("", RoomRole.HOST, "", RoomState.FINISHED, 0xFFFF_FFFFL, NON_ASCII, false),
                new Lobby(RoomState.LOBBY, 3, List.of("cy", "bo", "ada")),
                new Lobby(RoomState.PAUSED, 0xFFFF_FFFFL, List.of()),
                new Lobby(RoomState.PLAYING, 10_000, List.of(NON_ASCII, "")),
                new Progress(1, 37, 120),
                new Progress(0xFFFF_FFFFL, 0xFFFF_FFFFL, 0),
                new Standings(3, 3, 10, false, 120, List.of(new Standings.Entry(1, "ada", 450),
                        new Standings.Entry(1, "bo", 450), new Standings.Entry(3, NON_ASCII, 0)), 3, 0),
                new Standings(0, 0, 0, true, 0, List.of(), 0, 0),
                new Standings(0xFFFF_FFFFL, 0xFFFF, 0xFFFF, true, 0xFFFF_FFFFL, entries(255), 0xFFFF_FFFFL,
                        0xFFFF_FFFFL),
                new Notice(ErrorCode.UNEXPECTED_MESSAGE, "the game has started: start does nothing now"),
                new Notice(0xFFFF, NON_ASCII),
                new RoomClosed(RoomCloseReason.KICKED, "the host removed you from room K7Q-2MF"),
                new RoomClosed(RoomCloseReason.SERVER_SHUTTING_DOWN, ""),
                new HostCommand(HostCommand.Action.KICK, NON_ASCII),
                HostCommand.of(HostCommand.Action.START),
                HostCommand.of(HostCommand.Action.END));
    }

    static List<Standings.Entry> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Standings.Entry(i + 1, "p" + i, 1000L - i))
                .collect(Collectors.toList());
    }

    /**
     * Messages that only version 2 and later can carry in full: every answer format, and feedback.
     * Version 1 either drops what it has no field for or refuses to send them.
     */
    static List<QuizMessage> sinceVersion2() {
        return List.of(
                new Problem(3, 1, 5, 15_000, "17 + 25", AnswerFormat.INTEGER, List.of()),
                new Problem(4, 2, 5, 15_000, "π to two decimals", AnswerFormat.NUMBER, List.of()),
                new Problem(5, 3, 5, 15_000, "Capital of France", AnswerFormat.TEXT, List.of()),
                new Problem(6, 4, 5, 15_000, "Which are primes?", AnswerFormat.SEVERAL_CHOICES,
                        List.of("2", "4", "7")),
                new Problem(7, 5, 5, 0, "", AnswerFormat.SEVERAL_CHOICES, choices(255)),
                new Verdict(3, Outcome.WRONG, "Paris", 0, 10, "Lyon is the third largest city"),
                new Verdict(4, Outcome.CORRECT, "2, 7", 150, 160, NON_ASCII));
    }

    /** The samples a connection of {@code version} carries without loss. */
    static List<QuizMessage> inVersion(int version) {
        List<QuizMessage> messages = new ArrayList<>(all());
        if (version >= Protocol.VERSION_2) {
            messages.addAll(sinceVersion2());
        }
        return List.copyOf(messages);
    }

    static List<String> choices(int count) {
        return IntStream.range(0, count).mapToObj(i -> "choice " + i).collect(Collectors.toList());
    }

    /** The side that sends {@code message}: a side its direction allows (the client for BOTH). */
    static Side sender(QuizMessage message) {
        return message.type().direction().allowsSender(Side.CLIENT) ? Side.CLIENT : Side.SERVER;
    }

    /** The side that receives {@code message}. */
    static Side receiver(QuizMessage message) {
        return sender(message).peer();
    }
}
