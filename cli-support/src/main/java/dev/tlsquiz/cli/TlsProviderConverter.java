package dev.tlsquiz.cli;

import dev.tlsquiz.tls.TlsProvider;

/** Reads and lists {@code --tls-provider}: {@code auto}, {@code openssl} or {@code jdk}, in any case. */
public final class TlsProviderConverter extends EnumOption<TlsProvider> {

    public TlsProviderConverter() {
        super(TlsProvider.class);
    }
}
