package dev.tlsquiz.client.render;

import java.util.Locale;

/** Number and duration formats shared by the renderers' text. */
final class Formats {

    private Formats() {
    }

    /** {@code 1234} as {@code 1,234}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share such as {@code 83.3%} or {@code 100%}. */
    static String percent(double percent) {
        String text = String.format(Locale.ROOT, "%.1f", percent);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    /** A time limit such as {@code 30 s} or {@code 1.5 s}. */
    static String seconds(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A session length such as {@code 12.3 s} or {@code 2m 05s}. */
    static String duration(long millis) {
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long totalSeconds = millis / 1000;
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%dm %02ds", minutes, seconds);
    }
}
