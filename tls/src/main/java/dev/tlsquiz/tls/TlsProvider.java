package dev.tlsquiz.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * Which TLS implementation runs the handshakes: BoringSSL through netty-tcnative, or the JDK's
 * {@code SSLEngine}. Both are configured to the same profile, so the choice changes speed, not policy.
 */
public enum TlsProvider {

    /** OpenSSL (BoringSSL) when netty-tcnative loads on this machine, the JDK otherwise. */
    AUTO,
    /** BoringSSL through netty-tcnative; refused when the native library cannot be loaded. */
    OPENSSL,
    /** The JDK's own TLS implementation (SunJSSE). */
    JDK;

    /**
     * The Netty provider to build contexts with. For OpenSSL, the variant whose engines have a
     * finalizer (a Finalizer object per connection; BENCHMARKS.md has its size): the reference-counted variant saves it
     * but leaks an engine's native memory whenever a channel's pipeline is not torn down, as happens
     * to channels still open when their event loop is shut down (the leak detector caught one in a
     * test fixture). Contexts are released by their owners ({@link ServerTls}, {@link ClientTls}).
     *
     * @throws TlsConfigException for {@link #OPENSSL} when netty-tcnative cannot be loaded, naming why
     */
    public SslProvider resolve() {
        switch (this) {
            case AUTO:
                return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            case OPENSSL:
                if (!OpenSsl.isAvailable()) {
                    Throwable cause = OpenSsl.unavailabilityCause();
                    throw new TlsConfigException("the OpenSSL TLS provider is not available on this machine ("
                            + cause + "); use the JDK provider or run on linux-x86_64 where netty-tcnative loads",
                            cause);
                }
                return SslProvider.OPENSSL;
            case JDK:
                return SslProvider.JDK;
            default:
                throw new IllegalStateException("unknown provider " + this);
        }
    }

    /** A name for logs and banners: {@code OpenSSL (BoringSSL)} or {@code JDK}. */
    public String displayName() {
        return displayName(resolve());
    }

    /** The display name of a resolved Netty provider. */
    static String displayName(SslProvider provider) {
        return provider == SslProvider.JDK ? "JDK" : "OpenSSL (BoringSSL)";
    }
}
