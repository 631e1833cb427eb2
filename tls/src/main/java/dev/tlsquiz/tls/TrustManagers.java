package dev.tlsquiz.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the JDK's PKIX trust manager for a set of CA certificates, or for the system trust store. */
final class TrustManagers {

    private TrustManagers() {
    }

    /** A PKIX trust manager whose only anchors are {@code cas}. */
    static X509ExtendedTrustManager forAnchors(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : cas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return extended(factory);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigException("cannot build a trust manager from the CA certificates: " + e.getMessage(), e);
        }
    }

    /** The JDK's trust manager over the system trust store (cacerts, or javax.net.ssl.trustStore). */
    static X509ExtendedTrustManager system() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return extended(factory);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("cannot load the system trust store: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager extended(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) manager;
            }
        }
        throw new TlsConfigException("the JDK offers no X509ExtendedTrustManager; use a standard JDK");
    }
}
