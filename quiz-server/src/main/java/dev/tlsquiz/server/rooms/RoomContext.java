package dev.tlsquiz.server.rooms;

import dev.tlsquiz.server.config.ResultsKeeping;

import dev.tlsquiz.server.config.RoomRules;
import dev.tlsquiz.server.game.GameClock;
import dev.tlsquiz.server.services.ResultSink;
import dev.tlsquiz.server.services.ServerMetrics;
import java.util.Objects;

/**
 * What every room shares with the server.
 *
 * @param rules      the room rules ({@code --max-room-players}, {@code --room-standings}, ...)
 * @param registry   the open rooms, which a room leaves when it closes
 * @param results    where a finished game goes; its final standings wait for it
 * @param metrics    counters
 * @param clock      the clock games are timed by; it must agree with the event loops' scheduler
 * @param serverName the name and version sent in WELCOME
 * @param instance   this server instance, for the results
 * @param keeping    how games are kept: how long the final standings wait for the store (as a solo SUMMARY
 *                   does), and whether players' addresses are kept
 */
public record RoomContext(RoomRules rules, RoomRegistry registry, ResultSink results, ServerMetrics metrics,
                          GameClock clock, String serverName, String instance, ResultsKeeping keeping) {
    public RoomContext {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(keeping, "keeping");
    }
}
