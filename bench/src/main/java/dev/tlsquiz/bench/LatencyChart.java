package dev.tlsquiz.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the round-trip latency percentiles of the servers side by side as grouped bars on a
 * logarithmic axis (the percentiles span three orders of magnitude), with Java2D, headless, into a
 * PNG. No charting library: a few rectangles and labels are all it takes.
 */
final class LatencyChart {

    /** One server's bars. */
    record Series(String label, Color color, double[] micros) {
    }

    static final String[] PERCENTILES = {"p50", "p90", "p99", "p99.9"};

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 80;

    private LatencyChart() {
    }

    static void write(String title, List<Series> series, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, series);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void draw(Graphics2D g, String title, List<Series> series) {
        double max = 10;
        double min = Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.micros()) {
                if (v > 0) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        double lowDecade = Math.floor(Math.log10(Math.min(min == Double.MAX_VALUE ? 1 : min, max)));
        double highDecade = Math.ceil(Math.log10(max));
        if (highDecade <= lowDecade) {
            highDecade = lowDecade + 1;
        }
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, LEFT, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        // Decade grid lines and labels.
        for (double d = lowDecade; d <= highDecade; d++) {
            int y = TOP + plotHeight - (int) Math.round((d - lowDecade) / (highDecade - lowDecade) * plotHeight);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String label = formatMicros(Math.pow(10, d));
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);

        int groupWidth = plotWidth / PERCENTILES.length;
        int barWidth = Math.max(8, (groupWidth - 30) / Math.max(1, series.size()));
        for (int p = 0; p < PERCENTILES.length; p++) {
            int groupLeft = LEFT + p * groupWidth + 15;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).micros()[p];
                if (v <= 0) {
                    continue;
                }
                double position = (Math.log10(v) - lowDecade) / (highDecade - lowDecade);
                int barHeight = (int) Math.round(Math.max(0, position) * plotHeight);
                int x = groupLeft + s * barWidth;
                g.setColor(series.get(s).color());
                g.fillRect(x, TOP + plotHeight - barHeight, barWidth - 4, barHeight);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                String value = formatMicros(v);
                g.drawString(value, x, TOP + plotHeight - barHeight - 4);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(PERCENTILES[p], groupLeft + (series.size() * barWidth) / 2 - 12, TOP + plotHeight + 20);
        }

        // Legend.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x = LEFT;
        for (Series s : series) {
            g.setColor(s.color());
            g.fillRect(x, HEIGHT - 40, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), x + 20, HEIGHT - 28);
            x += 40 + g.getFontMetrics().stringWidth(s.label());
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        g.drawString("latency, log scale", 8, TOP - 10);
    }

    static String formatMicros(double micros) {
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.3g s", micros / 1e6);
        }
        if (micros >= 1_000) {
            return String.format(Locale.ROOT, "%.3g ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g us", micros);
    }
}
