package dev.tlsquiz.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws latency against offered rate, open loop, for the servers side by side: per server its p99
 * (solid) and p50 (dashed) at each rate of the sweep, and the p99 bound as a horizontal line, on
 * logarithmic axes (the rates double, and latency spans microseconds to seconds once a server is
 * past its knee). Java2D, headless, into a PNG; no charting library: a few lines and labels are all
 * it takes.
 */
final class LatencyChart {

    /** One offered rate's latencies. */
    record Point(double ratePerSecond, double p50Micros, double p99Micros) {
    }

    /** One server's points, by rising rate. */
    record Series(String label, Color color, List<Point> points) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 110;
    private static final Color BOUND = new Color(200, 30, 30);

    private LatencyChart() {
    }

    static void write(String title, List<Series> series, double boundMicros, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, series, boundMicros);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void draw(Graphics2D g, String title, List<Series> series, double boundMicros) {
        double minRate = Double.MAX_VALUE;
        double maxRate = 0;
        double minMicros = boundMicros;
        double maxMicros = boundMicros;
        for (Series s : series) {
            for (Point p : s.points()) {
                minRate = Math.min(minRate, p.ratePerSecond());
                maxRate = Math.max(maxRate, p.ratePerSecond());
                for (double v : new double[] {p.p50Micros(), p.p99Micros()}) {
                    if (v > 0) {
                        minMicros = Math.min(minMicros, v);
                        maxMicros = Math.max(maxMicros, v);
                    }
                }
            }
        }
        if (maxRate == 0) {
            minRate = 1_000;
            maxRate = 10_000;
        }
        Axis x = Axis.padded(minRate, maxRate);
        Axis y = Axis.of(minMicros, maxMicros);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(title, LEFT, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        // Latency decades.
        for (double d = y.low(); d <= y.high(); d++) {
            int py = TOP + plotHeight - (int) Math.round(y.position(Math.pow(10, d)) * plotHeight);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, py, LEFT + plotWidth, py);
            g.setColor(Color.DARK_GRAY);
            String label = formatMicros(Math.pow(10, d));
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        // The offered rates of the sweep, labelled where they were measured.
        for (Series s : series) {
            for (Point p : s.points()) {
                int px = LEFT + (int) Math.round(x.position(p.ratePerSecond()) * plotWidth);
                g.setColor(new Color(235, 235, 235));
                g.drawLine(px, TOP, px, TOP + plotHeight);
                g.setColor(Color.DARK_GRAY);
                String label = formatRate(p.ratePerSecond());
                g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, TOP + plotHeight + 18);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        g.drawString("offered rate, requests/s (open loop, log scale)", LEFT + plotWidth / 2 - 130,
                TOP + plotHeight + 40);

        // The bound the headline figure is read against.
        int boundY = TOP + plotHeight - (int) Math.round(y.position(boundMicros) * plotHeight);
        g.setColor(BOUND);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 4}, 0));
        g.drawLine(LEFT, boundY, LEFT + plotWidth, boundY);
        g.drawString("p99 bound " + formatMicros(boundMicros), LEFT + plotWidth - 120, boundY - 6);

        Stroke solid = new BasicStroke(2.5f);
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0);
        for (Series s : series) {
            g.setColor(s.color());
            line(g, s.points(), true, x, y, plotWidth, plotHeight, solid);
            line(g, s.points(), false, x, y, plotWidth, plotHeight, dashed);
        }

        // Legend.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int lx = LEFT;
        int ly = HEIGHT - 30;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(solid);
            g.drawLine(lx, ly - 5, lx + 24, ly - 5);
            g.setStroke(dashed);
            g.drawLine(lx, ly + 9, lx + 24, ly + 9);
            g.setColor(Color.BLACK);
            g.drawString(s.label() + ": p99 (solid), p50 (dashed)", lx + 32, ly + 6);
            lx += 80 + g.getFontMetrics().stringWidth(s.label() + ": p99 (solid), p50 (dashed)");
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        g.setColor(Color.BLACK);
        g.drawString("latency from intended send time, log scale", 8, TOP - 10);
    }

    private static void line(Graphics2D g, List<Point> points, boolean p99, Axis x, Axis y, int plotWidth,
                             int plotHeight, Stroke stroke) {
        g.setStroke(stroke);
        int lastX = -1;
        int lastY = -1;
        for (Point p : points) {
            double v = p99 ? p.p99Micros() : p.p50Micros();
            if (v <= 0) {
                continue;
            }
            int px = LEFT + (int) Math.round(x.position(p.ratePerSecond()) * plotWidth);
            int py = TOP + plotHeight - (int) Math.round(y.position(v) * plotHeight);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, px, py);
            }
            g.fillOval(px - 3, py - 3, 7, 7);
            lastX = px;
            lastY = py;
        }
    }

    /** A logarithmic axis, in decades: {@code low} and {@code high} are log10 of its ends. */
    private record Axis(double low, double high) {
        /** Over whole decades, for latency. */
        static Axis of(double min, double max) {
            double low = Math.floor(Math.log10(Math.min(min, max)));
            double high = Math.ceil(Math.log10(max));
            return new Axis(low, high <= low ? low + 1 : high);
        }

        /** A fifth of a decade beyond either end, for the rates, so no point sits on an edge. */
        static Axis padded(double min, double max) {
            double low = Math.log10(Math.min(min, max)) - 0.2;
            double high = Math.log10(max) + 0.2;
            return new Axis(low, high);
        }

        double position(double value) {
            return Math.max(0, (Math.log10(value) - low) / (high - low));
        }
    }

    static String formatRate(double perSecond) {
        return perSecond >= 1_000 ? String.format(Locale.ROOT, "%.3gk", perSecond / 1e3)
                : String.format(Locale.ROOT, "%.0f", perSecond);
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
