package dev.tlsquiz.codec;

/**
 * JOIN, client to server: the first message of a player's room session, instead of HELLO. Read
 * before the version is known, so its layout is that of every version; rooms exist from version 2 on.
 *
 * @param version    the protocol version the client speaks (u16); 2 or later for rooms
 * @param code       the room's code as the player typed it (the server ignores case and the dash)
 * @param playerName the name the player wants (a verified client certificate's name wins, as in HELLO)
 * @param seatToken  empty on a first join; on a rejoin, the token ROOM gave, which proves the seat
 */
public record Join(int version, String code, String playerName, String seatToken) implements QuizMessage {

    public Join {
        Fields.u16("version", version);
        Fields.string("code", code);
        Fields.string("playerName", playerName);
        Fields.string("seatToken", seatToken);
    }

    /** The seat token proves a seat: never in a log line or an exception message. */
    @Override
    public String toString() {
        return "Join[version=" + version + ", code=" + code + ", playerName=" + playerName + ", seatToken="
                + (seatToken.isEmpty() ? "" : "(" + WireStrings.utf8Length(seatToken) + " bytes)") + "]";
    }

    @Override
    public MessageType type() {
        return MessageType.JOIN;
    }
}
