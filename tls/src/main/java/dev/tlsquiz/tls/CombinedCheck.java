package dev.tlsquiz.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;

/**
 * Two checks that must both pass, the first first: a pin on top of a CA chain (as curl's
 * {@code --pinnedpubkey} with {@code --cacert}), where the pin narrows what the CA vouches for.
 */
final class CombinedCheck implements ServerTrustCheck {

    private final ServerTrustCheck first;
    private final ServerTrustCheck second;

    CombinedCheck(ServerTrustCheck first, ServerTrustCheck second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void check(X509Certificate[] chain, String authType, SSLEngine engine, String host, int port)
            throws CertificateException {
        first.check(chain, authType, engine, host, port);
        second.check(chain, authType, engine, host, port);
    }

    @Override
    public List<X509Certificate> acceptedIssuers() {
        return Stream.concat(first.acceptedIssuers().stream(), second.acceptedIssuers().stream()).toList();
    }
}
