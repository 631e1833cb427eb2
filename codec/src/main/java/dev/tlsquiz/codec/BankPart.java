package dev.tlsquiz.codec;

/**
 * BANK_PART, client to server: the next piece of the bank a HOST announced. The client cuts the
 * file at character boundaries; the pieces put together are the bank's text.
 *
 * @param text this piece
 */
public record BankPart(String text) implements QuizMessage {

    public BankPart {
        Fields.string("text", text);
    }

    @Override
    public MessageType type() {
        return MessageType.BANK_PART;
    }
}
