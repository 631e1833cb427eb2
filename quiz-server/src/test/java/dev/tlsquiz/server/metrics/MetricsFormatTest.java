package dev.tlsquiz.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsFormatTest {

    @Test
    void forAccept_whenPrometheusAsksForOpenMetricsFirst_thenOpenMetrics() {
        // What Prometheus 2.x sends.
        assertEquals(MetricsFormat.OPENMETRICS, MetricsFormat.forAccept("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    }

    @Test
    void forAccept_whenNoneOrText_thenText() {
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept(null));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept(""));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept("*/*"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept("text/plain;version=0.0.4"));
    }

    @Test
    void forAccept_whenOpenMetricsRefusedWithQualityZero_thenText() {
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept("application/openmetrics-text;q=0, text/plain"));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept("application/openmetrics-text; q=0.000"));
    }

    @Test
    void forAccept_whenHostileHeader_thenText() {
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.forAccept(",,,;;;q=\u0000" + "x".repeat(5000)));
    }
}
