package dev.tlsquiz.client.testing;

import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.server.ServerConfig;
import dev.tlsquiz.server.ServerStartException;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real quiz server on 127.0.0.1 with a free port and the test PKI's server certificate. */
public final class QuizServerFixture implements AutoCloseable {

    private final QuizServer server;
    private final TestPki pki;
    private final Path knownHosts;

    private QuizServerFixture(QuizServer server, TestPki pki, Path knownHosts) {
        this.server = server;
        this.pki = pki;
        this.knownHosts = knownHosts;
    }

    /**
     * Starts a server: 3 rounds of additions, 30 s per problem, seed 42, then {@code customize}.
     * Client runs get a known-hosts file in {@code dir}, never the user's own.
     */
    public static QuizServerFixture start(Path dir, UnaryOperator<ServerConfig.Builder> customize) {
        TestPki pki = TestPki.create(dir);
        ServerConfig.Builder builder = ServerConfig.builder()
                .listening(x -> x.withBindAddress("127.0.0.1").withPort(0))
                .tls(x -> x.withCertsDir(dir).withCertificate(pki.serverCert(), pki.serverKey()))
                .game(x -> x.withRounds(3).withSeed(42));
        QuizServer server;
        try {
            server = QuizServer.builder(customize.apply(builder).build()).start();
        } catch (ServerStartException e) {
            throw new IllegalStateException("the test server did not start", e);
        }
        return new QuizServerFixture(server, pki, dir.resolve("known_hosts"));
    }

    public TestPki pki() {
        return pki;
    }

    public int port() {
        return server.localAddress().getPort();
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public QuizServer server() {
        return server;
    }

    /** Connection arguments that trust the test CA, followed by {@code extra}. */
    public String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("play", "--host", "127.0.0.1", "--port", Integer.toString(port()),
                "--cafile", pki.caCert().toString(), "--known-hosts", knownHosts.toString(), "--name", "tester"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Connection arguments without --cafile: trust comes from the system and the known-hosts file. */
    public String[] argsWithoutCa(String... extra) {
        List<String> args = new ArrayList<>(List.of("play", "--host", "127.0.0.1", "--port", Integer.toString(port()),
                "--known-hosts", knownHosts.toString(), "--name", "tester"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        server.close();
    }
}
