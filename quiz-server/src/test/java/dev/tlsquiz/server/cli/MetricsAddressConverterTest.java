package dev.tlsquiz.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** {@code --metrics ADDRESS:PORT}, and what serve makes of it. */
class MetricsAddressConverterTest {

    private final MetricsAddressConverter converter = new MetricsAddressConverter();

    @Test
    void convert_whenIpv4OrIpv6OrNameWithPort_thenThatAddress() {
        InetSocketAddress usual = converter.convert("127.0.0.1:9464");
        assertEquals("127.0.0.1", usual.getAddress().getHostAddress());
        assertEquals(9464, usual.getPort());
        assertEquals(9464, converter.convert("[::1]:9464").getPort());
        assertTrue(converter.convert("[::1]:9464").getAddress().isLoopbackAddress());
        assertEquals(0, converter.convert("0.0.0.0:0").getPort());
        assertTrue(converter.convert("localhost:9464").getAddress().isLoopbackAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "9464", ":9464", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
            "127.0.0.1:94x4", "127.0.0.1:999999999999", "::1:9464", "[::1:9464", "::1]:9464", "[127.0.0.1]:9464",
            "127.0.0.300:9464", "quiz.invalid:9464", "127.0.0.1:9464\u001b[31m"})
    void convert_whenNotAddressColonPort_thenRefusedShowingTheExpectedForm(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(value));
        assertTrue(e.getMessage().contains("expected: ADDRESS:PORT") || e.getMessage().contains("(expected: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\u001b"), "the terminal escape is sanitised: " + e.getMessage());
    }

    @Test
    void serve_whenNoMetricsOption_thenNoMetrics() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertTrue(serve.toMetricsAddress(serve.toConfig()).isEmpty());
    }

    @Test
    void serve_whenMetricsGiven_thenItsAddress() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--metrics", "127.0.0.1:9464");
        assertEquals(9464, serve.toMetricsAddress(serve.toConfig()).orElseThrow().getPort());
    }

    @Test
    void serve_whenMetricsOnTheQuizPort_thenAUsageErrorNamingBoth() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "4000", "--metrics", "127.0.0.1:4000");
        ParameterException e = assertThrows(ParameterException.class, () -> serve.toMetricsAddress(serve.toConfig()));
        assertTrue(e.getMessage().startsWith("--metrics uses port 4000, the quiz port (--port)"), e.getMessage());
    }

    @Test
    void serve_whenMetricsMalformed_thenExitStatus2NamingTheOption() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand()).setErr(new java.io.PrintWriter(err));
        assertEquals(2, cli.execute("--metrics", "9464"));
        assertTrue(err.toString().contains("--metrics"), err.toString());
    }
}
