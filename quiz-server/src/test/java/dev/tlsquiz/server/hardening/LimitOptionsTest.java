package dev.tlsquiz.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.cli.ServeCommand;
import dev.tlsquiz.server.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The hardening limits are server options with safe defaults, checked, and documented in --help. */
class LimitOptionsTest {

    @Test
    void defaults_whenNothingGiven_thenSafeForAClassBehindOneAddress() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals(10_000, config.limits().maxConnections());
        assertEquals(1_000, config.limits().maxConnectionsPerIp());
        assertEquals(1_000, config.limits().maxMessagesPerSecond());
        assertEquals(Duration.ofSeconds(10), config.limits().slowConsumerTimeout());
    }

    @Test
    void build_whenALimitIsOutOfRange_thenTheMessageNamesTheOption() {
        assertOptionRefused("--max-connections", ServerConfig.builder().limits(x -> x.withMaxConnections(0)));
        assertOptionRefused("--max-connections-per-ip", ServerConfig.builder()
                .limits(x -> x.withMaxConnectionsPerIp(0)));
        assertOptionRefused("--max-messages-per-second", ServerConfig.builder()
                .limits(x -> x.withMaxMessagesPerSecond(0)));
        assertOptionRefused("--slow-consumer-timeout", ServerConfig.builder()
                .limits(x -> x.withSlowConsumerTimeout(Duration.ZERO)));
    }

    @Test
    void help_whenPrinted_thenListsEveryLimitWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ServeCommand());
        command.setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--help"));
        String help = out.toString();
        for (String option : new String[] {"--max-connections=N", "--max-connections-per-ip=N",
                "--max-messages-per-second=N", "--slow-consumer-timeout=DURATION", "--handshake-timeout=DURATION",
                "--hello-timeout=DURATION", "--idle-timeout=DURATION", "--max-frame-bytes=BYTES"}) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.contains("(default: 10000)") && help.contains("(default: 1000)")
                && help.contains("--max-messages-per-second=N") && help.contains("(default: 10s)"), help);
    }

    private static void assertOptionRefused(String option, ServerConfig.Builder builder) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(refused.getMessage().startsWith(option + ":"), refused.getMessage());
    }
}
