package dev.tlsquiz.server;

import dev.tlsquiz.server.quiz.ProblemSourceFactory;
import java.util.function.BooleanSupplier;

/**
 * What every session shares with the server: the configuration, where questions come from, the
 * name the server gives in WELCOME, and whether a shutdown has begun.
 *
 * @param config       the server's configuration
 * @param problems     one problem source per session
 * @param serverName   the name and version sent in WELCOME, such as {@code tlsquiz/0.1.0}
 * @param shuttingDown true once the server has stopped accepting new sessions
 */
record SessionEnvironment(ServerConfig config, ProblemSourceFactory problems, String serverName,
                          BooleanSupplier shuttingDown) {
}
