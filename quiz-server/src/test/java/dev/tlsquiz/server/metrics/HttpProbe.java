package dev.tlsquiz.server.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare HTTP/1.1 client over a plain socket, for the metrics listener's tests: it sends exactly the bytes
 * it is given (a hostile request too) and reads the response to the end (the listener closes after one).
 */
public final class HttpProbe {

    /** A response: status, headers (names in lower case) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HttpProbe() {
    }

    /** {@code GET path} with {@code accept} as its Accept header (none if null). */
    public static Response get(InetSocketAddress server, String path, String accept) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n";
        return send(server, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code GET path}. */
    public static Response get(InetSocketAddress server, String path) throws IOException {
        return get(server, path, null);
    }

    /** Sends {@code request} as it is and reads the whole response. */
    public static Response send(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 20_000);
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                // The server may answer (413, 431) and close before the whole request is written: read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    /** Reads a whole response from {@code in}, to the end of the stream. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // A reset after the response (the server closed with our unread bytes in its buffer): keep what came.
        }
        return parse(all.toString(StandardCharsets.UTF_8));
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP response: '" + raw + "'");
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, raw.substring(end + 4));
    }
}
