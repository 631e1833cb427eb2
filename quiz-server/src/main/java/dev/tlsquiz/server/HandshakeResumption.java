package dev.tlsquiz.server;

import dev.tlsquiz.server.services.Resumption;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.internal.tcnative.SSL;
import javax.net.ssl.SSLEngine;

/**
 * Whether a server's completed handshake resumed a session. OpenSSL (BoringSSL, the default provider)
 * says so itself ({@code SSL_session_reused}); the JDK's engine has no public way to tell, so its
 * handshakes are {@link Resumption#UNKNOWN} rather than guessed from timestamps.
 */
final class HandshakeResumption {

    private HandshakeResumption() {
    }

    /** Called on the channel's event loop, after the handshake succeeded and before the engine is freed. */
    static Resumption of(SSLEngine engine) {
        if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
            long ssl = openSsl.sslPointer();
            // 0 once the engine is shut down: nothing can be asked any more.
            if (ssl == 0) {
                return Resumption.UNKNOWN;
            }
            return SSL.isSessionReused(ssl) ? Resumption.RESUMED : Resumption.FULL;
        }
        return Resumption.UNKNOWN;
    }
}
