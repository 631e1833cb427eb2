package dev.tlsquiz.tls;

import java.util.List;

/**
 * The protocol versions and cipher suites a context allows, after Mozilla's server-side TLS
 * recommendations.
 *
 * <p>What neither profile allows, and how each provider guarantees it:
 * <ul>
 *   <li><b>Compression</b>: the JDK never implemented TLS compression, and BoringSSL removed it, so
 *       neither can negotiate it (no CRIME).</li>
 *   <li><b>Renegotiation</b>: TLS 1.3 has none. For TLS 1.2, BoringSSL never renegotiates as a server,
 *       and {@link ClientTls} sets each BoringSSL client engine to refuse a server's request (Netty's
 *       default would accept one). The JDK client has no such switch: against a TLS 1.2 server
 *       that asks, it would renegotiate securely (RFC 5746), which a tlsquiz server never asks. The JDK server
 *       refuses a client's request when {@code jdk.tls.rejectClientInitiatedRenegotiation=true}, which
 *       {@link ServerTls} sets (if unset) before it builds any JDK context.</li>
 *   <li><b>Key exchange groups</b>: X25519 first, then P-256. OpenSSL contexts set this per context
 *       ({@code OpenSslContextOption.GROUPS}). The JDK offers no per-context setting on Java 17 (only the
 *       global {@code jdk.tls.namedGroups}); its default order already starts with x25519, secp256r1,
 *       so tlsquiz leaves that global alone rather than change it for every TLS user in the JVM.</li>
 * </ul>
 */
public enum TlsProfile {

    /** TLS 1.3 only, with its three AEAD suites (Mozilla "modern"): the default. */
    MODERN(List.of("TLSv1.3"), List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256")),

    /**
     * TLS 1.3, and TLS 1.2 with ECDHE key exchange and AEAD ciphers only (Mozilla "intermediate",
     * without the finite-field DHE suites): for clients that cannot do TLS 1.3 yet.
     */
    INTERMEDIATE(List.of("TLSv1.3", "TLSv1.2"), List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    /** Key exchange groups in order of preference, in OpenSSL's names: the fastest first. */
    public static final List<String> DEFAULT_GROUPS = List.of("X25519", "P-256");

    private final List<String> protocols;
    private final List<String> cipherSuites;

    TlsProfile(List<String> protocols, List<String> cipherSuites) {
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    /**
     * The profile for a minimum TLS version given by an operator.
     *
     * @param minVersion {@code 1.3} or {@code 1.2}
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static TlsProfile fromMinVersion(String minVersion) {
        String version = minVersion == null ? "" : minVersion.trim();
        switch (version) {
            case "1.3":
                return MODERN;
            case "1.2":
                return INTERMEDIATE;
            default:
                throw new IllegalArgumentException("unsupported minimum TLS version '" + minVersion
                        + "'; use 1.3 (the default) or 1.2 (older versions are insecure and refused)");
        }
    }

    /** The protocol names in JSSE form, newest first, e.g. {@code TLSv1.3}. */
    public List<String> protocols() {
        return protocols;
    }

    /** The cipher suites in JSSE (IANA) names, most preferred first. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** The lowest version this profile allows, as an operator writes it: {@code 1.3} or {@code 1.2}. */
    public String minVersion() {
        return this == MODERN ? "1.3" : "1.2";
    }
}
