package dev.tlsquiz.server;

import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.config.Limits;
import dev.tlsquiz.server.config.Listening;
import dev.tlsquiz.server.config.RoomRules;
import dev.tlsquiz.server.config.Timeouts;
import dev.tlsquiz.server.config.TlsSource;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link QuizServer} can be told, by concern: where it listens, where its TLS comes
 * from, the game, the limits on clients and the timeouts. Each part checks its own values in its
 * constructor, with messages that name the command-line option; this record checks what spans two
 * parts. An invalid configuration never starts a server. The fast paths are {@link ServerTuning}.
 *
 * <p>Start from {@link #defaults()}, or change parts with {@link #builder()}:
 * {@code ServerConfig.builder().listening(l -> l.withPort(0)).game(g -> g.withRounds(3)).build()}.
 *
 * @param listening where the server listens
 * @param tls       where its certificate comes from, client certificates, TLS versions and groups
 * @param game      the quiz every session plays
 * @param limits    what clients may take of the server
 * @param timeouts  how long each step may take
 * @param rooms     live rooms: who may host, and their limits
 */
public record ServerConfig(Listening listening, TlsSource tls, GameRules game, Limits limits, Timeouts timeouts,
                           RoomRules rooms) {

    public ServerConfig {
        Objects.requireNonNull(listening, "listening");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(rooms, "rooms");
        if (timeouts.idleTimeout().compareTo(game.timeLimit()) <= 0) {
            throw new IllegalArgumentException("--idle-timeout (" + Durations.format(timeouts.idleTimeout())
                    + ") must be longer than --time-limit (" + Durations.format(game.timeLimit())
                    + "), or players who think would be cut off");
        }
    }

    /** A configuration with the default room rules. */
    public ServerConfig(Listening listening, TlsSource tls, GameRules game, Limits limits, Timeouts timeouts) {
        this(listening, tls, game, limits, timeouts, RoomRules.defaults());
    }

    /** The configuration with every option at its default. */
    public static ServerConfig defaults() {
        return new ServerConfig(Listening.defaults(), TlsSource.defaults(), GameRules.defaults(), Limits.defaults(),
                Timeouts.defaults(), RoomRules.defaults());
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Changes parts of a configuration. The changes are applied, and every value checked, in
     * {@link #build()}, so that two parts may be changed in either order.
     */
    public static final class Builder {
        private Function<Listening, Listening> listening = Function.identity();
        private Function<TlsSource, TlsSource> tls = Function.identity();
        private Function<GameRules, GameRules> game = Function.identity();
        private Function<Limits, Limits> limits = Function.identity();
        private Function<Timeouts, Timeouts> timeouts = Function.identity();
        private Function<RoomRules, RoomRules> rooms = Function.identity();
        private final ServerConfig start;

        private Builder(ServerConfig start) {
            this.start = start;
        }

        public Builder listening(UnaryOperator<Listening> change) {
            listening = listening.andThen(change);
            return this;
        }

        public Builder tls(UnaryOperator<TlsSource> change) {
            tls = tls.andThen(change);
            return this;
        }

        public Builder game(UnaryOperator<GameRules> change) {
            game = game.andThen(change);
            return this;
        }

        public Builder limits(UnaryOperator<Limits> change) {
            limits = limits.andThen(change);
            return this;
        }

        public Builder timeouts(UnaryOperator<Timeouts> change) {
            timeouts = timeouts.andThen(change);
            return this;
        }

        public Builder rooms(UnaryOperator<RoomRules> change) {
            rooms = rooms.andThen(change);
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the option whose value is not acceptable
         */
        public ServerConfig build() {
            return new ServerConfig(listening.apply(start.listening), tls.apply(start.tls), game.apply(start.game),
                    limits.apply(start.limits), timeouts.apply(start.timeouts), rooms.apply(start.rooms));
        }
    }
}
