package dev.tlsquiz.bench;

import dev.tlsquiz.tls.TlsProvider;
import dev.tlsquiz.tls.Transport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The echo peer's command line: {@code --cert FILE --key FILE [--host H] [--port N]
 * [--tls-provider P] [--transport T] [--threads N]}.
 */
record PeerArgs(Path cert, Path key, String host, int port, TlsProvider provider, Transport transport, int threads) {

    static PeerArgs parse(String[] args) {
        Path cert = null;
        Path key = null;
        String host = "127.0.0.1";
        int port = 0;
        TlsProvider provider = TlsProvider.AUTO;
        Transport transport = Transport.AUTO;
        int threads = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--cert" -> cert = Path.of(value);
                case "--key" -> key = Path.of(value);
                case "--host" -> host = value;
                case "--port" -> port = number(name, value, 0, 65535);
                case "--tls-provider" -> provider = TlsProvider.valueOf(value.toUpperCase(Locale.ROOT));
                case "--transport" -> transport = Transport.parse(value);
                case "--threads" -> threads = number(name, value, 0, 256);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (cert == null || key == null) {
            throw new IllegalArgumentException("--cert and --key are required");
        }
        return new PeerArgs(cert, key, host, port, provider, transport, threads);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + ": " + n + " (expected: " + min + ".." + max + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
        }
    }
}
