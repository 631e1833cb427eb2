package dev.tlsquiz.server;

import dev.tlsquiz.tls.Transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fast-path switch changes how the server runs, never what it says: a whole session plays the same. */
class ServerTuningTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static EventLoopGroup clientGroup;
    private static ClientTls clientTls;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPki.create(dir);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        clientTls = TestServers.clientTls(pki);
    }

    @AfterAll
    static void tearDown() {
        clientTls.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    static Stream<ServerTuning> tunings() {
        return Stream.of(ServerTuning.DEFAULTS,
                new ServerTuning(Transport.NIO, false, ServerTuning.Allocator.POOLED, 1, false),
                new ServerTuning(Transport.EPOLL, true, ServerTuning.Allocator.POOLED, 2, true));
    }

    @ParameterizedTest
    @MethodSource("tunings")
    void start_withEachTuning_thenAWholeSessionPlaysTheSame(ServerTuning tuning) throws Exception {
        ServerConfig config = TestServers.config().listening(x -> x.withBindAddress("127.0.0.1"))
                .tls(x -> x.withCertificate(pki.serverCert(), pki.serverKey())).build();
        try (QuizServer server = QuizServer.builder(config).tuning(tuning).start();
             QuizTestClient client = QuizTestClient.connect(clientGroup, clientTls, server.localAddress())) {
            assertEquals(tuning, server.tuning());
            TestServers.playCorrectly(client, config, "tuned");
        }
    }

    @Test
    void constructor_whenThreadsNegative_thenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ServerTuning(Transport.NIO, true, ServerTuning.Allocator.ADAPTIVE, -1, true));
    }

    @Test
    void workerThreads_whenZero_thenOnePerCpu() {
        assertEquals(io.netty.util.NettyRuntime.availableProcessors(), ServerTuning.DEFAULTS.workerThreads());
        assertEquals(3, new ServerTuning(Transport.NIO, true, ServerTuning.Allocator.ADAPTIVE, 3, true)
                .workerThreads());
    }
}
