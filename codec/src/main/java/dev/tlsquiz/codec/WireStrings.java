package dev.tlsquiz.codec;

import io.netty.buffer.ByteBufUtil;

/** Lengths of strings as the wire sees them: UTF-8 bytes. */
final class WireStrings {

    private WireStrings() {
    }

    /** The number of bytes {@code value} takes in UTF-8. */
    static int utf8Length(CharSequence value) {
        return ByteBufUtil.utf8Bytes(value);
    }
}
