package dev.tlsquiz.tls;

import io.netty.internal.tcnative.Library;
import io.netty.internal.tcnative.SSL;
import io.netty.util.internal.NativeLibraryLoader;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.io.InputStream;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.Properties;

/**
 * Names the TLS implementation {@link TlsProvider#AUTO} would use here, with its version, for
 * {@code --version}: {@code BoringSSL (netty-tcnative 2.0.84.Final)} when netty-tcnative loads on this
 * machine, else {@code JDK TLS (SunJSSE 17)}.
 *
 * <p>It loads the native library and asks it its name, as Netty's {@code OpenSsl} does first, but
 * stops there: {@code OpenSsl.isAvailable()} goes on to create an SSL context and engine to list the
 * cipher suites, which took about twice as long ({@code OpenSsl.isAvailable()} 1.0 to 3.4 s against 0.4
 * to 1.4 s for the library alone, on the loaded 2-core build machine).
 */
public final class TlsLibraryVersion {

    private static final String TCNATIVE_POM = "META-INF/maven/io.netty/netty-tcnative-classes/pom.properties";

    private TlsLibraryVersion() {
    }

    /** The implementation and its version, in a few words. */
    public static String describe() {
        Optional<String> nativeName = loadNative();
        if (nativeName.isPresent()) {
            return nativeName.get() + " (netty-tcnative " + tcnativeVersion() + ")";
        }
        Provider jsse = Security.getProvider("SunJSSE");
        return jsse == null ? "JDK TLS" : "JDK TLS (" + jsse.getName() + " " + jsse.getVersionStr() + ")";
    }

    /**
     * The native library's own name ({@code BoringSSL}), when it loads. The names tried are those of the
     * static BoringSSL build this project ships, in the order Netty's {@code OpenSsl} tries them.
     */
    private static Optional<String> loadNative() {
        String os = PlatformDependent.normalizedOs();
        String arch = PlatformDependent.normalizedArch();
        try {
            NativeLibraryLoader.loadFirstAvailable(PlatformDependent.getClassLoader(SSL.class),
                    "netty_tcnative_" + os + "_" + arch, "netty_tcnative_" + arch, "netty_tcnative");
            Library.initialize("provided", "");
            return Optional.of(SSL.versionString());
        } catch (Exception | LinkageError notHere) {
            // Any failure means the same as for OpenSsl.isAvailable(): the JDK's TLS is used.
            return Optional.empty();
        }
    }

    private static String tcnativeVersion() {
        try (InputStream in = TlsLibraryVersion.class.getClassLoader().getResourceAsStream(TCNATIVE_POM)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "unknown version");
            }
        } catch (IOException e) {
            // Only a version number is lost.
        }
        return "unknown version";
    }
}
