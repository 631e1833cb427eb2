package dev.tlsquiz.server.metrics;

import java.util.Locale;

/** The exposition formats {@code /metrics} serves, chosen by the scraper's {@code Accept} header. */
public enum MetricsFormat {
    /** The Prometheus text format 0.0.4: what a scraper gets unless it asks for OpenMetrics. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0 text, which Prometheus asks for first. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The response's {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /**
     * OpenMetrics when {@code accept} lists it (Prometheus sends it first, with the text format as a
     * fallback), else the text format; null or empty means the text format. A quality of 0 refuses it.
     */
    public static MetricsFormat forAccept(String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/openmetrics-text")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().replace(" ", "");
                if (param.matches("q=0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (!refused) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS_TEXT;
    }
}
