package dev.tlsquiz.bank;

/** A mistake in one GIFT question: where (an index in its {@link GiftChunk}) and what to do about it. */
final class GiftSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    GiftSyntaxException(int index, String message) {
        super(message, null, false, false);
        this.index = index;
    }

    int index() {
        return index;
    }
}
