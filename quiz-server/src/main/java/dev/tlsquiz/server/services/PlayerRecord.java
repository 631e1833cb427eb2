package dev.tlsquiz.server.services;

import dev.tlsquiz.tls.pki.Fingerprints;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One player of a finished game.
 *
 * @param name                   the name the player was known by (the WELCOME name, {@code ~} included)
 * @param nameVerified           whether a client certificate verified the name
 * @param certificateFingerprint the SHA-256 fingerprint of the client certificate, hex; null without one
 * @param address                the player's address; null unless the server keeps addresses
 *                               ({@code --store-addresses})
 * @param score                  the final score
 * @param rank                   the final rank, 1 for the best; players with equal scores share a rank
 * @param correct                questions answered right
 * @param answered               questions answered at all
 */
public record PlayerRecord(String name, boolean nameVerified, String certificateFingerprint, String address,
                           long score, int rank, int correct, int answered) {
    public PlayerRecord {
        Objects.requireNonNull(name, "name");
    }

    /** A certificate's fingerprint as a game keeps it: SHA-256, hex, without the {@code SHA256:} of logs. */
    public static String fingerprintOf(X509Certificate certificate) {
        return Fingerprints.certificate(certificate).substring(Fingerprints.PREFIX.length());
    }
}
