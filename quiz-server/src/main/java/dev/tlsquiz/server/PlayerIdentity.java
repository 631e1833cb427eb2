package dev.tlsquiz.server;

import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.PeerIdentity;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a player is for the whole session: the name shown in WELCOME, logged and ranked, and whether a
 * client certificate vouches for it. The one rule that makes a verified name impossible to impersonate:
 * <ul>
 *   <li>a name is <em>verified</em> when it is the CN of a client certificate the server verified;</li>
 *   <li>a client certificate without a usable CN (missing, empty, not a valid player name, or starting with
 *       {@value PlayerNames#UNVERIFIED_MARKER}) is refused, never replaced by the name in HELLO;</li>
 *   <li>under {@code --client-auth optional} a player without a certificate plays as
 *       {@value PlayerNames#UNVERIFIED_MARKER}NAME, which no verified name can equal;</li>
 *   <li>under {@code none} no name is verified and names are as sent; under {@code require} all are verified.</li>
 * </ul>
 *
 * @param name     the name the session uses everywhere
 * @param verified whether it is the CN of a verified client certificate
 */
record PlayerIdentity(String name, boolean verified) {

    PlayerIdentity {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The identity of a player who said HELLO.
     *
     * @param clientAuth  whether the handshake asked for a client certificate; under {@code NONE} none
     *                    was checked against a client CA, so none is looked at
     * @param certificate the client certificate the handshake verified, if any
     * @param helloName   the name in HELLO
     * @throws IllegalArgumentException when the name is not acceptable, with a message for the player
     */
    static PlayerIdentity admit(ClientAuthMode clientAuth, Optional<X509Certificate> certificate, String helloName) {
        if (clientAuth != ClientAuthMode.NONE && certificate.isPresent()) {
            String commonName = PeerIdentity.commonName(certificate.get()).orElse(null);
            return new PlayerIdentity(PlayerNames.validateCertificateName(commonName), true);
        }
        return switch (clientAuth) {
            case NONE -> new PlayerIdentity(PlayerNames.validate(helloName), false);
            case OPTIONAL -> new PlayerIdentity(PlayerNames.UNVERIFIED_MARKER + PlayerNames.validate(helloName), false);
            // The handshake refuses a client without a certificate; should one get here, HELLO names nobody.
            case REQUIRE -> throw new IllegalArgumentException("this server requires a client certificate;"
                    + " connect with --cert and --key");
        };
    }
}
