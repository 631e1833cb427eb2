package dev.tlsquiz.server.results;

import dev.tlsquiz.server.config.ResultsKeeping;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name a server's games are kept under: {@code --instance}, else this machine's host name and the port. */
public final class InstanceNames {

    private InstanceNames() {
    }

    /** The instance name of a server configured with {@code keeping} that listens on {@code port}. */
    public static String of(ResultsKeeping keeping, int port) {
        return keeping.instance().orElseGet(() -> LocalHost.NAME + ":" + port);
    }

    /** Looked up once, at first use (a server's start, never an event loop): it may ask a resolver. */
    private static final class LocalHost {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
