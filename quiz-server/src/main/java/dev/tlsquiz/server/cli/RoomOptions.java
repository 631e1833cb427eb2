package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DurationConverter;
import dev.tlsquiz.server.config.RoomHosts;
import dev.tlsquiz.server.config.RoomRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Who may host live rooms and what rooms may take: a picocli mixin for {@link RoomRules}. */
public final class RoomOptions {

    @Option(names = "--room-hosts", defaultValue = "token", paramLabel = "WHO",
            converter = RoomHostsConverter.class, completionCandidates = RoomHostsConverter.class,
            description = "Let these open rooms: ${COMPLETION-CANDIDATES}; token: whoever has the certs folder's"
                    + " host-token file, cert: client certificates issued with 'certs client NAME --role host',"
                    + " anyone: a demo on one machine (default: ${DEFAULT-VALUE}).")
    private RoomHosts hosts;

    @Option(names = "--max-rooms", defaultValue = "1000", paramLabel = "N",
            description = "Most rooms open at once; more get ERROR TOO_MANY_ROOMS (default: ${DEFAULT-VALUE}).")
    private int maxRooms;

    @Option(names = "--max-room-players", defaultValue = "10000", paramLabel = "N",
            description = "Most players one room seats; more get ERROR ROOM_FULL (default: ${DEFAULT-VALUE}).")
    private int maxRoomPlayers;

    @Option(names = "--room-standings", defaultValue = "10", paramLabel = "N",
            description = "List this many of the best players in each room's standings, 1..255"
                    + " (default: ${DEFAULT-VALUE}).")
    private int standingsTop;

    @Option(names = "--join-attempts", defaultValue = "20", paramLabel = "N",
            description = "Allow this many failed room joins (a wrong code, a taken name...) per minute from one"
                    + " client address; more get ERROR RATE_LIMITED. A refused JOIN also closes its connection"
                    + " (default: ${DEFAULT-VALUE}).")
    private int joinAttempts;

    @Option(names = "--room-host-grace", defaultValue = "2m", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "End a room's game, with final standings to everyone, when its host has been gone"
                    + " this long (default: ${DEFAULT-VALUE}).")
    private Duration hostGrace;

    @Option(names = "--room-lobby-interval", defaultValue = "500ms", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Send each room's lobby list at most once per this interval (default: ${DEFAULT-VALUE}).")
    private Duration lobbyInterval;

    @Option(names = "--room-reveal-time", defaultValue = "3s", paramLabel = "DURATION",
            converter = DurationConverter.OrZero.class,
            description = "Show each question's answer and standings this long before the next question"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration revealTime;

    @Option(names = "--room-max-bank-bytes", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Largest question bank a host may send (default: ${DEFAULT-VALUE}).")
    private int maxBankBytes;

    /**
     * The room rules.
     *
     * @throws IllegalArgumentException naming the option whose value is not acceptable
     */
    public RoomRules toRoomRules() {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }
}
