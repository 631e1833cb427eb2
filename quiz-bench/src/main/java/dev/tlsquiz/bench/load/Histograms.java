package dev.tlsquiz.bench.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms as {@code quiz bench} keeps and ships them: nanosecond values with three
 * significant digits, and their compressed HdrHistogram encoding in base64 so that a child process
 * can hand its whole distribution (not just percentiles, which cannot be merged) to its parent.
 */
public final class Histograms {

    /** The largest latency recorded exactly; anything above is recorded as this (two minutes). */
    public static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;
    /** Relative precision of every recorded value: 0.1 %. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    /** An empty histogram with the bench's range and precision. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** {@code histogram} in HdrHistogram's compressed form, base64. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /**
     * The histogram {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when {@code base64} is not such an encoding
     */
    public static Histogram decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            Histogram result = newHistogram();
            result.add(decoded);
            return result;
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
        }
    }

    /** Records {@code nanos}, clamped into the trackable range, into {@code histogram}. */
    public static long clamp(long nanos) {
        return Math.max(1, Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
    }
}
