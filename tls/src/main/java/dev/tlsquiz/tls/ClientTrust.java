package dev.tlsquiz.tls;

import java.nio.file.Path;
import java.util.Objects;

/** How a client decides to trust a server's certificate. */
public sealed interface ClientTrust {

    /**
     * Verify the chain against one CA (or a few) and check that the certificate names the host the
     * client connects to (a DNS SAN, or an iPAddress SAN for an IP literal).
     *
     * @param caFile PEM: the CA certificate(s), from the server's operator
     */
    record CaFile(Path caFile) implements ClientTrust {
        public CaFile {
            Objects.requireNonNull(caFile, "caFile");
        }
    }

    /**
     * Accept exactly the server whose leaf public key has this pin; no CA, no host name check, no
     * validity dates (the pin is the whole trust decision, as with an SSH host key).
     *
     * @param publicKeyPin {@code SHA256:<64 hex>}, colons and case as a person types them
     */
    record Pin(String publicKeyPin) implements ClientTrust {
        public Pin {
            Objects.requireNonNull(publicKeyPin, "publicKeyPin");
        }
    }

    /**
     * The JDK's system trust store with host name verification; a server it does not trust is trusted
     * on first use through the known-hosts file.
     */
    record SystemThenKnownHosts(Path knownHostsFile) implements ClientTrust {
        public SystemThenKnownHosts {
            Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        }
    }
}
