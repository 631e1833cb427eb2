package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.testing.TestPki;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shutdown lets sessions finish within the grace period and ends the rest politely. */
class GracefulShutdownTest {

    @TempDir
    Path dir;

    @Test
    void shutdown_whenPlayersAreConnected_thenFinishersCompleteAndTheRestAreToldWhy() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = TestServers.config().game(x -> x.withRounds(2).withTimeLimit(Duration.ofSeconds(60)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofSeconds(90))).build();
        EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             ClientTls clientTls = TestServers.clientTls(pki)) {
            QuizServer server = running.server();
            InetSocketAddress address = server.localAddress();
            QuizTestClient finisher = QuizTestClient.connect(clientGroup, clientTls, address);
            QuizTestClient dawdler = QuizTestClient.connect(clientGroup, clientTls, address);
            QuizTestClient latecomer = QuizTestClient.connect(clientGroup, clientTls, address);
            finisher.hello("finisher", 0);
            Problem first = finisher.next(Problem.class);
            dawdler.hello("dawdler", 0);
            dawdler.next(Problem.class);
            assertEquals(3, server.connectedSessions());

            CompletableFuture<Void> shutdown = new CompletableFuture<>();
            Thread stopper = new Thread(() -> {
                server.shutdownGracefully(Duration.ofSeconds(4));
                shutdown.complete(null);
            }, "shutdown");
            stopper.start();

            awaitConnectionsRefused(address);
            latecomer.send(Hello.of("latecomer"));
            latecomer.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN);

            ProblemSource questions = TestServers.expectedQuestions(config);
            finisher.send(new Answer(first.problemId(), questions.next().acceptedAnswers()));
            assertEquals(Outcome.CORRECT, finisher.next(Verdict.class).outcome());
            Problem second = finisher.next(Problem.class);
            finisher.send(new Answer(second.problemId(), questions.next().acceptedAnswers()));
            assertEquals(Outcome.CORRECT, finisher.next(Verdict.class).outcome());
            assertEquals(2, finisher.next(Summary.class).correct());
            finisher.assertClosedByServer();

            assertEquals("server shutting down; your session ended early",
                    dawdler.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN).message());
            shutdown.get(30, TimeUnit.SECONDS);
            assertEquals(0, server.connectedSessions());
            assertTrue(server.isShuttingDown());
        } finally {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Waits (bounded) until the listening socket is closed: a plain TCP connect is refused. */
    @Test
    void endGracePeriod_duringALongGrace_thenTheRestAreToldAtOnceAndTheShutdownFinishes() throws Exception {
        TestPki pki = TestPki.create(dir);
        ServerConfig config = TestServers.config().game(x -> x.withRounds(2).withTimeLimit(Duration.ofMinutes(10)))
                .timeouts(x -> x.withIdleTimeout(Duration.ofMinutes(11))).build();
        EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (TestServers.Running running = TestServers.Running.start(config, pki);
             ClientTls clientTls = TestServers.clientTls(pki)) {
            QuizServer server = running.server();
            QuizTestClient player = QuizTestClient.connect(clientGroup, clientTls, server.localAddress());
            player.hello("slowpoke", 0);
            player.next(Problem.class);

            CompletableFuture<Void> shutdown = new CompletableFuture<>();
            Thread stopper = new Thread(() -> {
                server.shutdownGracefully(Duration.ofMinutes(10));
                shutdown.complete(null);
            }, "shutdown");
            stopper.start();
            awaitConnectionsRefused(server.localAddress());
            assertTrue(player.isOpen(), "the player may go on playing during the grace period");

            server.endGracePeriod();
            assertEquals("server shutting down; your session ended early",
                    player.expectErrorAndClose(ErrorCode.SERVER_SHUTTING_DOWN).message());
            shutdown.get(30, TimeUnit.SECONDS);
            assertEquals(0, server.connectedSessions());
        } finally {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void awaitConnectionsRefused(InetSocketAddress address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
            } catch (IOException refused) {
                return;
            }
        }
        assertThrows(IOException.class, () -> new Socket(address.getAddress(), address.getPort()).close(),
                "the server still accepts connections during shutdown");
    }
}
