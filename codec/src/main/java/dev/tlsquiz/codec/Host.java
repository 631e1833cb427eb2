package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * HOST, client to server: the first message of a host's session, instead of HELLO. It opens a
 * room ({@code code} empty) or reclaims one whose host connection dropped ({@code code} given; the
 * settings are then ignored). Read before the version is known, so its layout is that of every
 * version, like HELLO's; rooms exist from version 2 on.
 *
 * @param version         the protocol version the client speaks (u16); 2 or later for rooms
 * @param hostName        the name players see for the host
 * @param code            empty to open a room; the room's code to reclaim it
 * @param token           the server's host token (under {@code --room-hosts token}); empty otherwise
 * @param rounds          questions to ask (u16); 0 = the server's default
 * @param timeLimitMillis time for each question (u32); 0 = the server's default
 * @param source          where the questions come from
 * @param operations      for {@link QuestionSource#ARITHMETIC}: the operations, such as {@code +-*}; empty
 *                        = the server's default
 * @param digits          for {@link QuestionSource#ARITHMETIC}: digits per operand (u8); 0 = the
 *                        server's default
 * @param seed            the seed of the questions' generator or shuffle, when {@code seeded}
 * @param seeded          whether {@code seed} is to be used (else the server picks one at random)
 * @param order           the order of a bank's questions
 * @param lateJoin        whether players may join once the game has started
 * @param bankBytes       for a bank the host sends: its length in UTF-8 bytes (u32), which BANK_PART
 *                        messages carry next; 0 otherwise
 */
public record Host(int version, String hostName, String code, String token, int rounds, long timeLimitMillis,
                   QuestionSource source, String operations, int digits, long seed, boolean seeded,
                   RequestedOrder order, boolean lateJoin, long bankBytes) implements QuizMessage {

    /** Bit 0 of {@code flags} on the wire: {@link #lateJoin}. The other bits are 0. */
    static final int LATE_JOIN_FLAG = 0x01;

    public Host {
        Fields.u16("version", version);
        Fields.string("hostName", hostName);
        Fields.string("code", code);
        Fields.string("token", token);
        Fields.u16("rounds", rounds);
        Fields.u32("timeLimitMillis", timeLimitMillis);
        Objects.requireNonNull(source, "source");
        Fields.string("operations", operations);
        Fields.u8("digits", digits);
        Objects.requireNonNull(order, "order");
        Fields.u32("bankBytes", bankBytes);
    }

    /** A HOST that reclaims room {@code code}: the room keeps its settings. */
    public static Host reclaim(String hostName, String code, String token) {
        return new Host(Protocol.VERSION, hostName, code, token, 0, 0, QuestionSource.SERVER, "", 0, 0, false,
                RequestedOrder.SERVER_DEFAULT, true, 0);
    }

    /** Whether this HOST reclaims a room rather than opening one. */
    public boolean reclaims() {
        return !code.isEmpty();
    }

    /** The token is a secret: never in a log line or an exception message. */
    @Override
    public String toString() {
        return "Host[version=" + version + ", hostName=" + hostName + ", code=" + code
                + ", token=" + (token.isEmpty() ? "" : "(" + WireStrings.utf8Length(token) + " bytes)")
                + ", rounds=" + rounds + ", timeLimitMillis=" + timeLimitMillis + ", source=" + source
                + ", operations=" + operations + ", digits=" + digits + ", seed=" + seed + ", seeded=" + seeded
                + ", order=" + order + ", lateJoin=" + lateJoin + ", bankBytes=" + bankBytes + "]";
    }

    @Override
    public MessageType type() {
        return MessageType.HOST;
    }
}
