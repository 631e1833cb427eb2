package dev.tlsquiz.codec;

/**
 * The limits the decoder enforces, passed in through the codec's constructors.
 *
 * @param maxFrameBytes the largest frame accepted, counting the type byte and the payload but not
 *                      the 4-byte length prefix; a frame declaring more is rejected from its header
 */
public record CodecLimits(int maxFrameBytes) {

    /** 16 KiB: far above any real message, small enough that a flood of maximal frames is cheap. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;

    /** The limits used unless an operator says otherwise. */
    public static final CodecLimits DEFAULT = new CodecLimits(DEFAULT_MAX_FRAME_BYTES);

    public CodecLimits {
        if (maxFrameBytes < 1 || maxFrameBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "maxFrameBytes: " + maxFrameBytes + " (expected: 1.." + 16 * 1024 * 1024 + ")");
        }
    }
}
