package dev.tlsquiz.server.cli;

import dev.tlsquiz.tls.Transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerTuning;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.server.quiz.QuestionOrder;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code serve}'s options, one mixin per part of the configuration, and what they turn into. */
class ServeCommandTest {

    @Test
    void serve_whenSwitchesGiven_thenTuningFollowsThem() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--transport", "EPOLL", "--flush-consolidation", "--allocator", "pooled",
                "--event-loop-threads", "3", "--no-tcp-nodelay");

        assertEquals(new ServerTuning(Transport.EPOLL, true, ServerTuning.Allocator.POOLED, 3, false),
                serve.toTuning());
    }

    @Test
    void serve_whenNoSwitches_thenDefaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertEquals(ServerTuning.DEFAULTS, serve.toTuning());
        assertEquals(ServerConfig.defaults(), serve.toConfig());
    }

    @Test
    void toConfig_whenOptionsGiven_thenEachLandsInItsPart() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bind", "0.0.0.0", "--port", "4000", "--client-auth", "require",
                "--client-ca", "ca.pem", "--crl", "revoked.pem", "--tls-provider", "openssl", "--tls-groups", "X25519", "--rounds", "5",
                "--ops", "add,mul", "--time-limit", "1500ms", "--seed", "7", "--hello-timeout", "3", "--idle-timeout",
                "PT2M", "--shutdown-grace", "0s", "--max-connections", "12", "--slow-consumer-timeout", "0.5s");

        ServerConfig config = serve.toConfig();

        assertEquals("0.0.0.0", config.listening().bindAddress());
        assertEquals(4000, config.listening().port());
        assertEquals(ClientAuthMode.REQUIRE, config.tls().clientAuth());
        assertEquals(Path.of("ca.pem"), config.tls().clientCaFile());
        assertEquals(Path.of("revoked.pem"), config.tls().crlFile());
        assertEquals(TlsProvider.OPENSSL, config.tls().parameters().provider());
        assertEquals(List.of("X25519"), config.tls().parameters().groups());
        assertEquals(5, config.game().rounds());
        assertEquals(Set.of(Operation.ADD, Operation.MUL), config.game().operations());
        assertEquals(Duration.ofMillis(1500), config.game().timeLimit());
        assertEquals(7, config.game().seed().getAsLong());
        assertEquals(Duration.ofSeconds(3), config.timeouts().helloTimeout());
        assertEquals(Duration.ofMinutes(2), config.timeouts().idleTimeout());
        assertEquals(Duration.ZERO, config.timeouts().shutdownGrace());
        assertEquals(12, config.limits().maxConnections());
        assertEquals(Duration.ofMillis(500), config.limits().slowConsumerTimeout());
    }

    @Test
    void toConfig_whenAPartRefusesAValue_thenAUsageErrorNamingTheOption() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--max-connections-per-ip", "0");

        ParameterException e = assertThrows(ParameterException.class, serve::toConfig);
        assertTrue(e.getMessage().startsWith("--max-connections-per-ip: 0"), e.getMessage());
    }

    @Test
    void toConfig_whenBankOptionsGiven_thenTheyLandInTheGame() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bank", "geo.gift", "--bank", "quiz.txt", "--bank-format", "GIFT",
                "--category", "math/easy", "--order", "file", "--repeat");

        QuestionBanks banks = serve.toConfig().game().banks();
        assertEquals(List.of(Path.of("geo.gift"), Path.of("quiz.txt")), banks.files());
        assertEquals(Optional.of(BankFormat.GIFT), banks.format());
        assertEquals(Optional.of("math/easy"), banks.category());
        assertEquals(QuestionOrder.FILE, banks.order());
        assertTrue(banks.repeat());
    }

    @Test
    void toConfig_whenNoBank_thenArithmeticShuffledWithoutRepeat() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertEquals(QuestionBanks.none(), serve.toConfig().game().banks());
    }

    @Test
    void toConfig_whenBankOptionsDoNotFit_thenAUsageErrorNamingTheOption() {
        assertEquals("--category needs --bank FILE; categories are a GIFT bank's", usageError("--category", "x"));
        assertEquals("--repeat needs --bank FILE; generated arithmetic never runs out", usageError("--repeat"));
        assertEquals("--order file needs --bank FILE; generated arithmetic has no file order",
                usageError("--order", "file"));
        assertEquals("--bank-format needs --bank FILE; pass the bank to serve", usageError("--bank-format", "csv"));
        assertEquals("--bank: cannot tell the format of 'notes.md' from its name; name it .gift, .txt or .csv,"
                + " or pass --bank-format gift|csv", usageError("--bank", "notes.md"));
        assertEquals("--category: empty; pass a category of the bank, such as math/easy",
                usageError("--bank", "a.gift", "--category", " "));
        ParameterException order = assertThrows(ParameterException.class,
                () -> new CommandLine(new ServeCommand()).parseArgs("--bank", "a.gift", "--order", "random"));
        assertTrue(order.getMessage().contains("'random' (expected: shuffle or file)"), order.getMessage());
    }

    @Test
    void toConfig_whenRoomOptionsGiven_thenTheyLandInTheRoomRules() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--room-hosts", "cert", "--max-rooms", "3", "--max-room-players", "40",
                "--room-standings", "5", "--join-attempts", "7", "--room-host-grace", "30s", "--room-lobby-interval",
                "1s", "--room-reveal-time", "0s", "--room-max-bank-bytes", "2048");

        dev.tlsquiz.server.config.RoomRules rooms = serve.toConfig().rooms();

        assertEquals(new dev.tlsquiz.server.config.RoomRules(dev.tlsquiz.server.config.RoomHosts.CERT, 3, 40, 5, 7,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ZERO, 2048), rooms);
        assertEquals(dev.tlsquiz.server.config.RoomRules.defaults(), new ServeCommandDefaults().rooms());
    }

    @Test
    void toConfig_whenARoomLimitIsOutOfRange_thenAUsageErrorNamingTheOption() {
        assertTrue(usageError("--room-standings", "0").startsWith("--room-standings: 0 (expected: 1..255)"));
        assertTrue(usageError("--max-rooms", "0").startsWith("--max-rooms: 0"));
        assertTrue(usageError("--room-host-grace", "0s").startsWith("--room-host-grace: 0s"));
    }

    /** The room rules of a command line without room options. */
    private static final class ServeCommandDefaults {
        dev.tlsquiz.server.config.RoomRules rooms() {
            ServeCommand serve = new ServeCommand();
            new CommandLine(serve).parseArgs();
            return serve.toConfig().rooms();
        }
    }

    private static String usageError(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return assertThrows(ParameterException.class, serve::toConfig).getMessage();
    }
}
