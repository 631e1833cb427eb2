package dev.tlsquiz.tls;

import io.netty.handler.ssl.OpenSsl;
import java.io.IOException;
import java.io.InputStream;
import java.security.Provider;
import java.security.Security;
import java.util.Properties;

/**
 * Names the TLS implementation {@link TlsProvider#AUTO} uses here, with its version, for
 * {@code --version}: {@code BoringSSL (netty-tcnative 2.0.84.Final)} when netty-tcnative loads on this
 * machine, else {@code JDK TLS (SunJSSE 17)}.
 *
 * <p>It asks {@link OpenSsl#isAvailable()}, the very check {@code auto} makes, although loading the
 * native library alone took about half as long (0.4 to 1.4 s against 1.0 to 3.4 s on the loaded 2-core
 * build machine): that shortcut has to load the library by hand, and in a process where Netty has
 * loaded it already (a long-lived caller, the test JVMs) it would load a second copy whose natives take
 * over from under the TLS contexts in use; nor can it ask first, since touching the library's classes
 * before it is loaded breaks them for good. The JDK's provider is named without building an
 * {@code SSLContext}.
 */
public final class TlsLibraryVersion {

    private static final String TCNATIVE_POM = "META-INF/maven/io.netty/netty-tcnative-classes/pom.properties";

    private TlsLibraryVersion() {
    }

    /** The implementation and its version, in a few words. */
    public static String describe() {
        if (OpenSsl.isAvailable()) {
            return OpenSsl.versionString() + " (netty-tcnative " + tcnativeVersion() + ")";
        }
        Provider jsse = Security.getProvider("SunJSSE");
        return jsse == null ? "JDK TLS" : "JDK TLS (" + jsse.getName() + " " + jsse.getVersionStr() + ")";
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
