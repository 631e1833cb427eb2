package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.tls.ClientAuthMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaults_matchTheDocumentedOptions() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals("127.0.0.1", config.listening().bindAddress());
        assertEquals(Protocol.DEFAULT_PORT, config.listening().port());
        assertEquals(Path.of("certs"), config.tls().certsDir());
        assertEquals(ClientAuthMode.NONE, config.tls().clientAuth());
        assertEquals(10, config.game().rounds());
        assertEquals(1000, config.game().maxRounds());
        assertEquals(Set.of(Operation.ADD), config.game().operations());
        assertEquals(2, config.game().digits());
        assertEquals(Duration.ofSeconds(30), config.game().timeLimit());
        assertTrue(config.game().seed().isEmpty());
        assertEquals(Duration.ofSeconds(10), config.timeouts().handshakeTimeout());
        assertEquals(Duration.ofSeconds(10), config.timeouts().helloTimeout());
        assertEquals(Duration.ofSeconds(60), config.timeouts().idleTimeout());
        assertEquals(16384, config.limits().maxFrameBytes());
        assertEquals(Duration.ofSeconds(10), config.timeouts().shutdownGrace());
        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void build_rejectsBadValuesNamingTheOption() {
        assertRejected(b -> b.listening(x -> x.withPort(70_000)), "--port: 70000");
        assertRejected(b -> b.game(x -> x.withRounds(0)), "--rounds: 0");
        assertRejected(b -> b.game(x -> x.withRounds(20)
                .withMaxRounds(10)), "--rounds (20) is above --max-rounds (10)");
        assertRejected(b -> b.game(x -> x.withDigits(10)), "--digits: 10 (expected: 1..9)");
        assertRejected(b -> b.game(x -> x.withOperations(EnumSet.noneOf(Operation.class))), "--ops: empty");
        assertRejected(b -> b.game(x -> x.withTimeLimit(Duration.ZERO)), "--time-limit: 0s (expected: at least 1ms)");
        assertRejected(b -> b.game(x -> x.withTimeLimit(Duration.ofSeconds(60))), "--idle-timeout (1m) must be longer than --time-limit (1m)");
        assertRejected(b -> b.timeouts(x -> x.withHelloTimeout(Duration.ZERO)), "--hello-timeout");
        assertRejected(b -> b.limits(x -> x.withMaxFrameBytes(10)), "--max-frame-bytes: 10");
        assertRejected(b -> b.tls(x -> x.withCertificate(Path.of("a.pem"), null)), "--cert and --key go together");
        assertRejected(b -> b.tls(x -> x.withClientAuth(ClientAuthMode.NONE, Path.of("ca.pem"))), "--client-ca has no effect");
        assertRejected(b -> b.tls(x -> x.withCrlFile(Path.of("crl.pem"))), "--crl has no effect with --client-auth none");
        assertRejected(b -> b.timeouts(x -> x.withShutdownGrace(Duration.ofSeconds(-1))), "--shutdown-grace");
    }

    private static void assertRejected(UnaryOperator<ServerConfig.Builder> change, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(ServerConfig.builder()).build());
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
