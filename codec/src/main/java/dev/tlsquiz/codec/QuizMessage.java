package dev.tlsquiz.codec;

/**
 * A message of the tlsquiz wire protocol. Every frame on the wire decodes to exactly one of these
 * records, and every record encodes to exactly one frame; see {@code PROTOCOL.md} for the bytes.
 *
 * <p>Messages are immutable values: they hold no {@code ByteBuf}, so they can be passed between
 * threads and kept after the frame they came from is released.
 */
public sealed interface QuizMessage
        permits Hello, Welcome, Problem, Answer, Verdict, Summary, ErrorMessage, Ping, Pong, Bye,
                Host, BankPart, Join, Room, Lobby, Progress, Standings, Notice, RoomClosed, HostCommand {

    /** The wire type of this message. */
    MessageType type();
}
