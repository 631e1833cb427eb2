package dev.tlsquiz.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: builds the context from the certificate, key, client CA and CRL files, hands out
 * an {@link SslHandler} per connection, and reloads the files when they change.
 *
 * <p>Session resumption: returning clients resume their session with a ticket, an abbreviated
 * handshake without certificate or signature. On OpenSSL the ticket keys are ours: in memory only,
 * rotated every {@link TicketKeys#ROTATION}, new in every context.
 *
 * <p>Reloading: a daemon thread (never an event loop) checks the files' modification time and size
 * every {@link ServerTlsConfig#reloadInterval()}. When they changed it builds a new context and swaps
 * it in atomically: new handshakes get the new certificate, connections already open go on with
 * theirs. Files that cannot be used leave the old context in service, with an ERROR log that names the
 * file and the reason. A reload also starts a fresh session cache and ticket keys, so a client revoked
 * by a new CRL cannot resume an older session. Whenever client certificates are accepted there is a CRL
 * file (see {@link ServerTlsConfig#crlFile()}); it is watched even while it does not exist, so the first
 * {@code certs revoke} takes effect without a restart, and a CRL that vanishes or does not parse leaves
 * the previous one in service.
 *
 * <p>ALPN: a client offering ALPN without the config's ALPN id is refused with a fatal
 * {@code no_application_protocol} alert in the handshake, on both providers; a client offering no ALPN
 * is accepted.
 */
public final class ServerTls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    private final ServerTlsConfig config;
    private final SslProvider provider;
    private final AtomicReference<ServerContexts.Loaded> current;
    /** Runs the file watcher and the ticket-key rotation: one daemon thread, never an event loop. */
    private final ScheduledExecutorService maintenance;
    private final FileWatcher watcher;
    /** Turns a failed reload's exception into the logged reason: the program adds what to do about it. */
    private final Function<? super Exception, String> describer;

    private ServerTls(ServerTlsConfig config, SslProvider provider, ServerContexts.Loaded first,
                      Function<? super Exception, String> describer) {
        this.config = config;
        this.provider = provider;
        this.describer = describer;
        this.current = new AtomicReference<>(first);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tlsquiz-tls-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        this.watcher = new FileWatcher(watchedFiles(config), config.reloadInterval(), maintenance,
                this::reloadFromWatcher);
        long rotation = TicketKeys.ROTATION.toMillis();
        maintenance.scheduleWithFixedDelay(this::rotateTicketKeys, rotation, rotation, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the key file's permissions, builds the context and starts watching the files.
     *
     * @throws dev.tlsquiz.tls.pki.InsecureKeyFileException when the key file is readable by group or others
     * @throws IOException         when a file cannot be read or parsed, naming it
     * @throws TlsConfigException  when the provider is unavailable or the context cannot be built
     */
    public static ServerTls open(ServerTlsConfig config) throws IOException {
        return open(config, ServerTls::plainMessage);
    }

    /**
     * As {@link #open(ServerTlsConfig)}, with {@code describer} writing the reason a later reload failed for
     * the log (e.g. adding the command that fixes a key file's permissions).
     */
    public static ServerTls open(ServerTlsConfig config, Function<? super Exception, String> describer)
            throws IOException {
        Objects.requireNonNull(describer, "describer");
        SslProvider provider = config.provider().resolve();
        if (provider == SslProvider.JDK) {
            // Set even for TLS 1.3 only: the JDK reads it once, at its first server handshake in the JVM.
            refuseClientRenegotiationOnJdk();
        }
        ServerContexts.Loaded first = ServerContexts.build(config, provider, null);
        // DEBUG: the server's "listening on" line, written once the port is bound, names the same
        // certificate; at INFO this would suggest a server started that may yet fail to bind.
        LOG.debug("TLS ready: {} {}, certificate {} (serial {}), client certificates {}",
                TlsProvider.displayName(provider), config.profile(), first.fingerprint(),
                first.certificate().getSerialNumber().toString(16), config.clientAuth());
        if (first.revocations() != null) {
            LOG.info("revocation: {}", first.revocations().describe());
        }
        return new ServerTls(config, provider, first, describer);
    }

    private static String plainMessage(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * A handler for one new connection, with the context in service now. Safe on any thread; never
     * blocks.
     */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        while (true) {
            ServerContexts.Loaded loaded = current.get();
            if (loaded == null) {
                throw new IllegalStateException("ServerTls is closed");
            }
            SslContext context = loaded.context();
            if (!(context instanceof ReferenceCounted)) {
                return handlerFor(context, alloc);
            }
            try {
                // A reload may release this context right now; holding a reference keeps it alive until
                // the engine holds its own, and a lost race means the new one is already in place.
                ((ReferenceCounted) context).retain();
            } catch (IllegalReferenceCountException released) {
                continue;
            }
            try {
                return handlerFor(context, alloc);
            } finally {
                ReferenceCountUtil.release(context);
            }
        }
    }

    private SslHandler handlerFor(SslContext context, ByteBufAllocator alloc) {
        // Both providers: the handler's ClientHello guard bounds what a client may send before its
        // ClientHello is complete, and refuses it by ALPN.
        return new AlpnGuardSslHandler(context.newEngine(alloc), config.alpnId());
    }

    /**
     * Reads the files now and, if they are usable, puts a new context in service.
     *
     * @return true when the new context is in service; false when a file could not be used (logged)
     */
    public boolean reloadNow() {
        watcher.markSeen();
        return reload();
    }

    private void reloadFromWatcher() {
        reload();
    }

    private synchronized boolean reload() {
        if (current.get() == null) {
            return false;
        }
        ServerContexts.Loaded fresh;
        try {
            fresh = ServerContexts.build(config, provider, current.get());
        } catch (IOException | TlsConfigException e) {
            LOG.error("TLS files not reloaded: {}; the previous certificate, key, client CA and CRL stay in"
                    + " service", describer.apply(e));
            return false;
        } catch (RuntimeException e) {
            LOG.error("TLS files not reloaded: {}; the previous certificate, key, client CA and CRL stay in"
                    + " service", e.toString());
            return false;
        }
        ServerContexts.Loaded old = current.getAndSet(fresh);
        if (old == null) {
            // Closed while building: do not leak the new context.
            current.set(null);
            ReferenceCountUtil.release(fresh.context());
            return false;
        }
        ReferenceCountUtil.release(old.context());
        logReloaded(old, fresh);
        return true;
    }

    /** Says what changed: a new CRL on its own line, so that an operator who revoked someone sees it took effect. */
    private static void logReloaded(ServerContexts.Loaded old, ServerContexts.Loaded fresh) {
        boolean crlChanged = !Objects.equals(old.revocations(), fresh.revocations());
        if (crlChanged) {
            LOG.info("CRL reloaded: {}", fresh.revocations().describe());
        }
        if (!crlChanged || !old.certificate().equals(fresh.certificate())) {
            LOG.info("TLS files reloaded: certificate {} (serial {}) for new connections",
                    fresh.fingerprint(), fresh.certificate().getSerialNumber().toString(16));
        }
    }

    /** A new ticket key for the context in service; under the lock so that no reload releases it meanwhile. */
    synchronized void rotateTicketKeys() {
        ServerContexts.Loaded loaded = current.get();
        if (loaded == null || loaded.ticketKeys() == null) {
            return;
        }
        try {
            loaded.ticketKeys().rotate();
            LOG.debug("session ticket keys rotated");
        } catch (RuntimeException e) {
            // A throw would cancel the schedule: the keys would silently stop rotating for good.
            LOG.error("session ticket keys not rotated; the current key stays in use and the next rotation"
                    + " tries again: {}", e.toString(), e);
        }
    }

    /** The certificate in service now. */
    public X509Certificate certificate() {
        return loaded().certificate();
    }

    /** The SHA-256 fingerprint of the certificate in service now, {@code SHA256:<hex>}. */
    public String certificateFingerprint() {
        return loaded().fingerprint();
    }

    /**
     * The CRL in service, as the operator reads it: {@code certs/crl.pem (2 revoked)}, or {@code
     * certs/crl.pem (not present yet; watched)}; empty when client certificates are off.
     */
    public Optional<String> revocation() {
        return Optional.ofNullable(loaded().revocations()).map(RevocationList::describe);
    }

    /** The TLS implementation in use, e.g. {@code OpenSSL (BoringSSL)}. */
    public String providerName() {
        return TlsProvider.displayName(provider);
    }

    /** The versions and suites allowed. */
    public TlsProfile profile() {
        return config.profile();
    }

    /** Whether the handshake asks clients for a certificate: what a session may conclude from one. */
    public ClientAuthMode clientAuth() {
        return config.clientAuth();
    }

    private ServerContexts.Loaded loaded() {
        ServerContexts.Loaded loaded = current.get();
        if (loaded == null) {
            throw new IllegalStateException("ServerTls is closed");
        }
        return loaded;
    }

    /** Stops watching the files and releases the context; open connections keep their engines. */
    @Override
    public void close() {
        watcher.close();
        maintenance.shutdownNow();
        synchronized (this) {
            ServerContexts.Loaded last = current.getAndSet(null);
            if (last != null) {
                ReferenceCountUtil.release(last.context());
            }
        }
    }

    private static List<Path> watchedFiles(ServerTlsConfig config) {
        List<Path> files = new ArrayList<>(List.of(config.certFile(), config.keyFile()));
        if (config.clientCaFile() != null) {
            files.add(config.clientCaFile());
        }
        if (config.crlFile() != null) {
            files.add(config.crlFile());
        }
        return files;
    }

    /**
     * TLS 1.2 renegotiation started by a client is refused by the JDK only through this JVM-wide
     * property, read once when the JDK's server handshake class loads; set it unless the operator chose
     * otherwise.
     */
    private static void refuseClientRenegotiationOnJdk() {
        String property = "jdk.tls.rejectClientInitiatedRenegotiation";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
            LOG.debug("set {}=true so that TLS 1.2 clients cannot renegotiate", property);
        }
    }
}
