package dev.tlsquiz.server;

import dev.tlsquiz.server.game.GameClock;
import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import dev.tlsquiz.server.rooms.RoomServices;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.server.services.SessionIds;
import dev.tlsquiz.tls.ClientAuthMode;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What every session shares with the server: the configuration, the server's state, and its
 * services. Built in one place, {@link QuizServer.Builder}, which also holds the production default
 * of every service; a test swaps one service there.
 *
 * @param config       the server's configuration
 * @param clientAuth   what the TLS context in use asks of clients, which decides whether a name is verified
 *                     ({@link PlayerIdentity}); the context's own, since a server may be started with one
 *                     that was not built from {@code config}
 * @param serverName   the name and version sent in WELCOME, such as {@code tlsquiz/0.1.0}
 * @param shuttingDown true once the server has stopped accepting new sessions
 * @param problems     one problem source per session
 * @param results      where the results of played sessions go
 * @param metrics      counters of the server's games
 * @param roomServices the live rooms, who may host them, and what they share
 * @param clock        the clock games are timed by; it must agree with the event loops' scheduler
 * @param sessionIds   where session ids come from
 */
record SessionEnvironment(ServerConfig config, ClientAuthMode clientAuth, String serverName,
                          BooleanSupplier shuttingDown, ProblemSourceFactory problems, ResultSink results,
                          ServerMetrics metrics, RoomServices roomServices, GameClock clock, SessionIds sessionIds) {

    SessionEnvironment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(shuttingDown, "shuttingDown");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(roomServices, "roomServices");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sessionIds, "sessionIds");
    }
}
