package dev.tlsquiz.client;

import io.netty.handler.ssl.OpenSsl;
import java.util.Locale;

/**
 * Starts, on a second thread, the slowest one-time initialisation a session will need, so that it runs while
 * the main thread is still reading the command line (picocli, logging) instead of after it. Nothing here
 * changes what the session does: it only initialises classes the session initialises anyway, earlier. A
 * class being initialised by this thread when the main thread reaches it makes the main thread wait for it,
 * which is never later than doing the work itself.
 *
 * <ul>
 *   <li>{@link OpenSsl}: loading netty-tcnative, and Netty's probes of BoringSSL and of the JDK's TLS (its
 *       static initialiser builds a JDK {@code SSLContext} to see whether the JDK has TLS 1.3). Not when the
 *       command line asks for the JDK provider, which does not load netty-tcnative.</li>
 *   <li>BouncyCastle's PEM reader, whose static initialiser starts {@code java.util.logging}.</li>
 *   <li>The JDK's table of its own root CAs ({@code sun.security.util.AnchorCertificates}): the JDK's host
 *       name check reads the whole {@code cacerts} store the first time it runs, in the middle of the TLS
 *       handshake, to know whether the server's CA is a public one (tens of milliseconds).</li>
 * </ul>
 *
 * <p>A daemon thread: it never holds up the process's exit. It swallows its failures: each of these
 * initialisations records its own failure for the main thread to report where it would have anyway.
 */
final class StartupWarmup {

    private static final String JDK_ROOT_CAS = "sun.security.util.AnchorCertificates";

    private static final String PEM_READER = "org.bouncycastle.util.io.pem.PemReader";

    private StartupWarmup() {
    }

    /** Starts the warm-up for a {@code play} command line {@code args}. */
    static void start(String... args) {
        // Before anything of Netty loads, as play itself does: this thread loads Netty first now.
        NettyJfrEvents.skip();
        boolean openSsl = !asksForJdkProvider(args);
        Thread thread = new Thread(() -> warmUp(openSsl), "quiz-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(boolean openSsl) {
        if (openSsl) {
            try {
                OpenSsl.isAvailable();
            } catch (LinkageError | RuntimeException ignored) {
                // The session meets the same failure on its own path and reports it there.
            }
        }
        // BouncyCastle's PEM reader, which the CA file, certificate and key are read with: its static
        // initialiser starts java.util.logging (LogManager reads its configuration).
        initialise(PEM_READER, StartupWarmup.class.getClassLoader());
        // The JDK's own class, by name: a JDK without it just skips this step.
        initialise(JDK_ROOT_CAS, null);
    }

    private static void initialise(String className, ClassLoader loader) {
        try {
            Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException ignored) {
            // Absent here: nothing to warm up. A failure shows again, and is reported, on the session's path.
        }
    }

    /** Whether {@code args} choose {@code --tls-provider jdk} (or {@code --tls-provider=jdk}), in any case. */
    static boolean asksForJdkProvider(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            String value = null;
            if (arg.startsWith("--tls-provider=")) {
                value = arg.substring("--tls-provider=".length());
            } else if (arg.equals("--tls-provider") && i + 1 < args.length) {
                value = args[i + 1];
            }
            if (value != null && value.toLowerCase(Locale.ROOT).equals("jdk")) {
                return true;
            }
        }
        return false;
    }
}
