package dev.tlsquiz.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Live rooms: who may host, and what rooms and their players may take of the server.
 *
 * @param hosts             who may open a room ({@code --room-hosts})
 * @param maxRooms          the most rooms open at once ({@code --max-rooms})
 * @param maxRoomPlayers    the most players one room seats ({@code --max-room-players})
 * @param standingsTop      how many of the best players STANDINGS lists ({@code --room-standings})
 * @param joinAttempts      failed JOINs (unknown codes, taken names...) one address may make per minute; a
 *                          refused JOIN closes its connection, so one connection makes one ({@code --join-attempts})
 * @param hostGrace         how long a room may be without its host before its game ends ({@code --room-host-grace})
 * @param lobbyInterval     at most one LOBBY update per room per this interval ({@code --room-lobby-interval})
 * @param revealTime        the pause between a question's close (verdicts, standings) and the next
 *                          question ({@code --room-reveal-time})
 * @param maxBankBytes      the largest bank a host may send ({@code --room-max-bank-bytes})
 */
public record RoomRules(RoomHosts hosts, int maxRooms, int maxRoomPlayers, int standingsTop, int joinAttempts,
                        Duration hostGrace, Duration lobbyInterval, Duration revealTime, int maxBankBytes) {

    public static final int DEFAULT_MAX_ROOMS = 1_000;
    public static final int DEFAULT_MAX_ROOM_PLAYERS = 10_000;
    public static final int DEFAULT_STANDINGS_TOP = 10;
    public static final int DEFAULT_JOIN_ATTEMPTS = 20;
    public static final Duration DEFAULT_HOST_GRACE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_LOBBY_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_REVEAL_TIME = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_BANK_BYTES = 1024 * 1024;
    /** STANDINGS counts its entries in a u8. */
    static final int MAX_STANDINGS_TOP = 255;
    static final int MAX_BANK_BYTES_LIMIT = 64 * 1024 * 1024;

    public RoomRules {
        Objects.requireNonNull(hosts, "hosts");
        Checks.requireRange("--max-rooms", maxRooms, 1, Limits.MAX_CONNECTIONS_LIMIT);
        Checks.requireRange("--max-room-players", maxRoomPlayers, 1, Limits.MAX_CONNECTIONS_LIMIT);
        Checks.requireRange("--room-standings", standingsTop, 1, MAX_STANDINGS_TOP);
        Checks.requireRange("--join-attempts", joinAttempts, 1, 1_000_000);
        Checks.requirePositive("--room-host-grace", hostGrace);
        Checks.requirePositive("--room-lobby-interval", lobbyInterval);
        Objects.requireNonNull(revealTime, "--room-reveal-time");
        Checks.require(!revealTime.isNegative(), "--room-reveal-time: must not be negative");
        Checks.requireRange("--room-max-bank-bytes", maxBankBytes, 1, MAX_BANK_BYTES_LIMIT);
    }

    /** Hosts with the server's token; up to 1,000 rooms of up to 10,000 players. */
    public static RoomRules defaults() {
        return new RoomRules(RoomHosts.TOKEN, DEFAULT_MAX_ROOMS, DEFAULT_MAX_ROOM_PLAYERS, DEFAULT_STANDINGS_TOP,
                DEFAULT_JOIN_ATTEMPTS, DEFAULT_HOST_GRACE, DEFAULT_LOBBY_INTERVAL, DEFAULT_REVEAL_TIME,
                DEFAULT_MAX_BANK_BYTES);
    }

    public RoomRules withHosts(RoomHosts value) {
        return new RoomRules(value, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withMaxRooms(int value) {
        return new RoomRules(hosts, value, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withMaxRoomPlayers(int value) {
        return new RoomRules(hosts, maxRooms, value, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withStandingsTop(int value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, value, joinAttempts, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withJoinAttempts(int value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, value, hostGrace, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withHostGrace(Duration value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, value, lobbyInterval,
                revealTime, maxBankBytes);
    }

    public RoomRules withLobbyInterval(Duration value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, value,
                revealTime, maxBankBytes);
    }

    public RoomRules withRevealTime(Duration value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                value, maxBankBytes);
    }

    public RoomRules withMaxBankBytes(int value) {
        return new RoomRules(hosts, maxRooms, maxRoomPlayers, standingsTop, joinAttempts, hostGrace, lobbyInterval,
                revealTime, value);
    }
}
