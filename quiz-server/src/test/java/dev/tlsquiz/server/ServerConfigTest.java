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
        assertEquals("127.0.0.1", config.bindAddress());
        assertEquals(Protocol.DEFAULT_PORT, config.port());
        assertEquals(Path.of("certs"), config.certsDir());
        assertEquals(ClientAuthMode.NONE, config.clientAuth());
        assertEquals(10, config.rounds());
        assertEquals(1000, config.maxRounds());
        assertEquals(Set.of(Operation.ADD), config.operations());
        assertEquals(2, config.digits());
        assertEquals(Duration.ofSeconds(30), config.timeLimit());
        assertTrue(config.seed().isEmpty());
        assertEquals(Duration.ofSeconds(10), config.handshakeTimeout());
        assertEquals(Duration.ofSeconds(10), config.helloTimeout());
        assertEquals(Duration.ofSeconds(60), config.idleTimeout());
        assertEquals(16384, config.maxFrameBytes());
        assertEquals(Duration.ofSeconds(10), config.shutdownGrace());
        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void build_rejectsBadValuesNamingTheOption() {
        assertRejected(b -> b.port(70_000), "--port: 70000");
        assertRejected(b -> b.rounds(0), "--rounds: 0");
        assertRejected(b -> b.rounds(20).maxRounds(10), "--rounds (20) is above --max-rounds (10)");
        assertRejected(b -> b.digits(10), "--digits: 10 (expected: 1..9)");
        assertRejected(b -> b.operations(EnumSet.noneOf(Operation.class)), "--ops: empty");
        assertRejected(b -> b.timeLimit(Duration.ZERO), "--time-limit: 0s (expected: at least 1ms)");
        assertRejected(b -> b.timeLimit(Duration.ofSeconds(60)), "--idle-timeout (1m) must be longer than --time-limit (1m)");
        assertRejected(b -> b.helloTimeout(Duration.ZERO), "--hello-timeout");
        assertRejected(b -> b.maxFrameBytes(10), "--max-frame-bytes: 10");
        assertRejected(b -> b.certificate(Path.of("a.pem"), null), "--cert and --key go together");
        assertRejected(b -> b.clientAuth(ClientAuthMode.NONE, Path.of("ca.pem")), "--client-ca has no effect");
        assertRejected(b -> b.crlFile(Path.of("crl.pem")), "--crl has no effect with --client-auth none");
        assertRejected(b -> b.shutdownGrace(Duration.ofSeconds(-1)), "--shutdown-grace");
    }

    private static void assertRejected(UnaryOperator<ServerConfig.Builder> change, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(ServerConfig.builder()).build());
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
