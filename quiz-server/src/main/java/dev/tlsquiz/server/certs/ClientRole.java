package dev.tlsquiz.server.certs;

import dev.tlsquiz.tls.pki.CertificateUsage;

/** What a client certificate lets its holder do ({@code certs client --role}). */
public enum ClientRole {
    /** Play. */
    PLAYER(CertificateUsage.CLIENT),
    /** Play, and open live rooms on a server started with {@code --room-hosts cert}. */
    HOST(CertificateUsage.HOST);

    private final CertificateUsage usage;

    ClientRole(CertificateUsage usage) {
        this.usage = usage;
    }

    /** The extended key usage that marks it. */
    public CertificateUsage usage() {
        return usage;
    }
}
