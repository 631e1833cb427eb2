package dev.tlsquiz.tls;

import java.nio.file.Path;
import java.util.Objects;

/** How a client decides to trust a server's certificate. */
public sealed interface ClientTrust {

    /**
     * Verify the chain against one CA (or a few) and check that the certificate names the host the
     * client connects to (a DNS SAN, or an iPAddress SAN for an IP literal); with a pin, the server's
     * key must also have that pin. All checks apply: a pin never replaces the CA or the host name.
     *
     * @param caFile       PEM: the CA certificate(s), from the server's operator
     * @param publicKeyPin {@code SHA256:<64 hex>} the server's key must have as well, or {@code null}
     */
    record CaFile(Path caFile, String publicKeyPin) implements ClientTrust {
        public CaFile {
            Objects.requireNonNull(caFile, "caFile");
        }

        /** The CA and host name checks only. */
        public CaFile(Path caFile) {
            this(caFile, null);
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
