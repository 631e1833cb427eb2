package dev.tlsquiz.server;

import dev.tlsquiz.codec.CodecLimits;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.server.quiz.ArithmeticProblemGenerator;
import dev.tlsquiz.server.quiz.Operation;
import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.TlsProfile;
import dev.tlsquiz.tls.TlsProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything a {@link QuizServer} can be told, one field per {@code quiz-server serve} option.
 * The compact constructor checks every value and every combination, with messages that name the
 * command-line option, so an invalid configuration never starts a server.
 *
 * <p>Start from {@link #defaults()} or {@link #builder()} and change what you need:
 * {@code ServerConfig.builder().port(0).rounds(3).build()}.
 *
 * @param bindAddress      the address to listen on ({@code --bind})
 * @param port             the TCP port, 0 for any free port ({@code --port})
 * @param certsDir         the development PKI folder, used when no certificate is given
 *                         ({@code --certs-dir})
 * @param certFile         the server certificate chain (PEM), or null for the development PKI
 *                         ({@code --cert})
 * @param keyFile          the server's private key (PEM), or null ({@code --key})
 * @param clientAuth       whether clients must present certificates ({@code --client-auth})
 * @param clientCaFile     the CA that signs client certificates, or null for the development CA
 *                         ({@code --client-ca})
 * @param crlFile          the CRL of revoked client certificates, or null for {@code crl.pem} beside the
 *                         client CA ({@code --crl}); it need not exist yet
 * @param tlsProvider      the TLS implementation ({@code --tls-provider})
 * @param tlsProfile       the TLS versions and suites ({@code --tls-min})
 * @param tlsGroups        the key exchange groups, in order of preference ({@code --tls-groups})
 * @param rounds           rounds per session when HELLO leaves it to the server ({@code --rounds})
 * @param maxRounds        the most rounds a HELLO may ask for; more is capped ({@code --max-rounds})
 * @param operations       the arithmetic operations problems use ({@code --ops})
 * @param digits           digits per operand ({@code --digits})
 * @param timeLimit        the time allowed per problem ({@code --time-limit})
 * @param seed             the seed of every session's problem sequence, or empty for random
 *                         ({@code --seed})
 * @param handshakeTimeout the longest a TLS handshake may take ({@code --handshake-timeout})
 * @param helloTimeout     the longest the server waits for HELLO after the handshake
 *                         ({@code --hello-timeout})
 * @param idleTimeout      the longest a connection may go without sending a message
 *                         ({@code --idle-timeout}); longer than the time limit
 * @param maxFrameBytes    the largest frame accepted ({@code --max-frame-bytes})
 * @param shutdownGrace    how long sessions in progress may go on after a shutdown begins
 *                         ({@code --shutdown-grace})
 * @param maxConnections   the most connections open at once; more are reset before any TLS work
 *                         ({@code --max-connections})
 * @param maxConnectionsPerIp the most connections open at once from one client address
 *                         ({@code --max-connections-per-ip}); players behind one NAT share it
 * @param maxMessagesPerSecond the messages per second one connection may send, with bursts of
 *                         twice that ({@code --max-messages-per-second})
 * @param slowConsumerTimeout how long a connection may stay unwritable (its client not reading)
 *                         before it is closed ({@code --slow-consumer-timeout})
 */
public record ServerConfig(String bindAddress, int port, Path certsDir, Path certFile, Path keyFile,
                           ClientAuthMode clientAuth, Path clientCaFile, Path crlFile, TlsProvider tlsProvider,
                           TlsProfile tlsProfile, List<String> tlsGroups, int rounds, int maxRounds, Set<Operation> operations,
                           int digits, Duration timeLimit, OptionalLong seed, Duration handshakeTimeout,
                           Duration helloTimeout, Duration idleTimeout, int maxFrameBytes,
                           Duration shutdownGrace, int maxConnections, int maxConnectionsPerIp,
                           int maxMessagesPerSecond, Duration slowConsumerTimeout) {

    /** The loopback address: a server is reachable from elsewhere only when the operator says so. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_ROUNDS = 10;
    public static final int DEFAULT_MAX_ROUNDS = 1000;
    public static final int DEFAULT_DIGITS = 2;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Far above what one host serves comfortably, far below what exhausts its file descriptors. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** A school or a class behind one NAT address shares it: a few hundred players must fit. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 1_000;
    /** A player sends about one message per answer; even a fast bot stays far below this. */
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 1000;
    public static final Duration DEFAULT_SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_CONNECTIONS_LIMIT = 1_000_000;
    static final int MAX_MESSAGES_PER_SECOND_LIMIT = 10_000_000;
    /** Rounds are a u16 on the wire. */
    public static final int MAX_ROUNDS_LIMIT = 0xFFFF;
    /** Enough for any message this server receives; smaller limits would refuse honest clients. */
    public static final int MIN_FRAME_BYTES = 256;
    private static final long MAX_TIME_LIMIT_MILLIS = 0xFFFF_FFFFL;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(certsDir, "certsDir");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        Objects.requireNonNull(tlsProfile, "tlsProfile");
        Objects.requireNonNull(seed, "seed");
        tlsGroups = List.copyOf(tlsGroups);
        require(!tlsGroups.isEmpty(), "--tls-groups: at least one group (default: "
                + String.join(":", TlsProfile.DEFAULT_GROUPS) + ")");
        require(tlsGroups.equals(TlsProfile.DEFAULT_GROUPS) || tlsProvider != TlsProvider.JDK,
                "--tls-groups needs the OpenSSL provider: the JDK sets key exchange groups only for the whole JVM;"
                        + " drop --tls-provider jdk or --tls-groups");
        require(port >= 0 && port <= 0xFFFF, "--port: " + port + " (expected: 0..65535, 0 for any free port)");
        require((certFile == null) == (keyFile == null),
                "--cert and --key go together: pass both, or neither to use the development PKI in --certs-dir");
        require(clientCaFile == null || clientAuth != ClientAuthMode.NONE,
                "--client-ca has no effect with --client-auth none; add --client-auth optional or require");
        require(crlFile == null || clientAuth != ClientAuthMode.NONE,
                "--crl has no effect with --client-auth none; add --client-auth optional or require");
        require(rounds >= 1 && rounds <= MAX_ROUNDS_LIMIT,
                "--rounds: " + rounds + " (expected: 1.." + MAX_ROUNDS_LIMIT + ")");
        require(maxRounds >= 1 && maxRounds <= MAX_ROUNDS_LIMIT,
                "--max-rounds: " + maxRounds + " (expected: 1.." + MAX_ROUNDS_LIMIT + ")");
        require(rounds <= maxRounds,
                "--rounds (" + rounds + ") is above --max-rounds (" + maxRounds + "); lower one or raise the other");
        operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
        require(!operations.isEmpty(), "--ops: empty (expected: one or more of " + Operation.optionNames() + ")");
        require(digits >= 1 && digits <= ArithmeticProblemGenerator.MAX_DIGITS,
                "--digits: " + digits + " (expected: 1.." + ArithmeticProblemGenerator.MAX_DIGITS + ")");
        requirePositive("--time-limit", timeLimit);
        require(timeLimit.toMillis() <= MAX_TIME_LIMIT_MILLIS,
                "--time-limit: " + Durations.format(timeLimit) + " is too long (expected: at most 49 days)");
        requirePositive("--handshake-timeout", handshakeTimeout);
        requirePositive("--hello-timeout", helloTimeout);
        requirePositive("--idle-timeout", idleTimeout);
        require(idleTimeout.compareTo(timeLimit) > 0,
                "--idle-timeout (" + Durations.format(idleTimeout) + ") must be longer than --time-limit ("
                        + Durations.format(timeLimit) + "), or players who think would be cut off");
        require(maxFrameBytes >= MIN_FRAME_BYTES && maxFrameBytes <= 16 * 1024 * 1024,
                "--max-frame-bytes: " + maxFrameBytes + " (expected: " + MIN_FRAME_BYTES + ".." + 16 * 1024 * 1024 + ")");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        require(!shutdownGrace.isNegative(), "--shutdown-grace: must not be negative");
        require(maxConnections >= 1 && maxConnections <= MAX_CONNECTIONS_LIMIT,
                "--max-connections: " + maxConnections + " (expected: 1.." + MAX_CONNECTIONS_LIMIT + ")");
        require(maxConnectionsPerIp >= 1 && maxConnectionsPerIp <= MAX_CONNECTIONS_LIMIT,
                "--max-connections-per-ip: " + maxConnectionsPerIp + " (expected: 1.." + MAX_CONNECTIONS_LIMIT + ")");
        require(maxMessagesPerSecond >= 1 && maxMessagesPerSecond <= MAX_MESSAGES_PER_SECOND_LIMIT,
                "--max-messages-per-second: " + maxMessagesPerSecond + " (expected: 1.."
                        + MAX_MESSAGES_PER_SECOND_LIMIT + ")");
        requirePositive("--slow-consumer-timeout", slowConsumerTimeout);
    }

    /** The configuration with every option at its default. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The codec limits these options imply. */
    public CodecLimits codecLimits() {
        return new CodecLimits(maxFrameBytes);
    }

    private static void requirePositive(String option, Duration value) {
        Objects.requireNonNull(value, option);
        require(!value.isNegative() && value.toMillis() > 0,
                option + ": " + Durations.format(value) + " (expected: at least 1ms)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds a {@link ServerConfig}; each setter is named after its field. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = Protocol.DEFAULT_PORT;
        private Path certsDir = Path.of("certs");
        private Path certFile;
        private Path keyFile;
        private ClientAuthMode clientAuth = ClientAuthMode.NONE;
        private Path clientCaFile;
        private Path crlFile;
        private TlsProvider tlsProvider = TlsProvider.AUTO;
        private TlsProfile tlsProfile = TlsProfile.MODERN;
        private List<String> tlsGroups = TlsProfile.DEFAULT_GROUPS;
        private int rounds = DEFAULT_ROUNDS;
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private Set<Operation> operations = EnumSet.of(Operation.ADD);
        private int digits = DEFAULT_DIGITS;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private OptionalLong seed = OptionalLong.empty();
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration helloTimeout = DEFAULT_HELLO_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxFrameBytes = CodecLimits.DEFAULT_MAX_FRAME_BYTES;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerIp = DEFAULT_MAX_CONNECTIONS_PER_IP;
        private int maxMessagesPerSecond = DEFAULT_MAX_MESSAGES_PER_SECOND;
        private Duration slowConsumerTimeout = DEFAULT_SLOW_CONSUMER_TIMEOUT;

        private Builder() {
        }

        private Builder(ServerConfig c) {
            bindAddress = c.bindAddress;
            port = c.port;
            certsDir = c.certsDir;
            certFile = c.certFile;
            keyFile = c.keyFile;
            clientAuth = c.clientAuth;
            clientCaFile = c.clientCaFile;
            crlFile = c.crlFile;
            tlsProvider = c.tlsProvider;
            tlsProfile = c.tlsProfile;
            tlsGroups = c.tlsGroups;
            rounds = c.rounds;
            maxRounds = c.maxRounds;
            operations = c.operations;
            digits = c.digits;
            timeLimit = c.timeLimit;
            seed = c.seed;
            handshakeTimeout = c.handshakeTimeout;
            helloTimeout = c.helloTimeout;
            idleTimeout = c.idleTimeout;
            maxFrameBytes = c.maxFrameBytes;
            shutdownGrace = c.shutdownGrace;
            maxConnections = c.maxConnections;
            maxConnectionsPerIp = c.maxConnectionsPerIp;
            maxMessagesPerSecond = c.maxMessagesPerSecond;
            slowConsumerTimeout = c.slowConsumerTimeout;
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder certsDir(Path value) {
            certsDir = value;
            return this;
        }

        /** The server certificate and key; both null for the development PKI. */
        public Builder certificate(Path certChainFile, Path privateKeyFile) {
            certFile = certChainFile;
            keyFile = privateKeyFile;
            return this;
        }

        /** Client authentication and the CA for client certificates (null: the development CA). */
        public Builder clientAuth(ClientAuthMode mode, Path caFile) {
            clientAuth = mode;
            clientCaFile = caFile;
            return this;
        }

        /** The CRL of revoked client certificates; null for {@code crl.pem} beside the client CA. */
        public Builder crlFile(Path value) {
            crlFile = value;
            return this;
        }

        public Builder tlsProvider(TlsProvider value) {
            tlsProvider = value;
            return this;
        }

        public Builder tlsProfile(TlsProfile value) {
            tlsProfile = value;
            return this;
        }

        public Builder tlsGroups(List<String> value) {
            tlsGroups = value;
            return this;
        }

        public Builder rounds(int value) {
            rounds = value;
            return this;
        }

        public Builder maxRounds(int value) {
            maxRounds = value;
            return this;
        }

        public Builder operations(Set<Operation> value) {
            operations = value;
            return this;
        }

        public Builder digits(int value) {
            digits = value;
            return this;
        }

        public Builder timeLimit(Duration value) {
            timeLimit = value;
            return this;
        }

        public Builder seed(long value) {
            seed = OptionalLong.of(value);
            return this;
        }

        public Builder seed(OptionalLong value) {
            seed = value;
            return this;
        }

        public Builder handshakeTimeout(Duration value) {
            handshakeTimeout = value;
            return this;
        }

        public Builder helloTimeout(Duration value) {
            helloTimeout = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder maxFrameBytes(int value) {
            maxFrameBytes = value;
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder maxConnectionsPerIp(int value) {
            maxConnectionsPerIp = value;
            return this;
        }

        public Builder maxMessagesPerSecond(int value) {
            maxMessagesPerSecond = value;
            return this;
        }

        public Builder slowConsumerTimeout(Duration value) {
            slowConsumerTimeout = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the option whose value is not acceptable
         */
        public ServerConfig build() {
            return new ServerConfig(bindAddress, port, certsDir, certFile, keyFile, clientAuth, clientCaFile,
                    crlFile, tlsProvider, tlsProfile, tlsGroups, rounds, maxRounds, operations, digits, timeLimit, seed,
                    handshakeTimeout, helloTimeout, idleTimeout, maxFrameBytes, shutdownGrace, maxConnections,
                    maxConnectionsPerIp, maxMessagesPerSecond, slowConsumerTimeout);
        }
    }
}
