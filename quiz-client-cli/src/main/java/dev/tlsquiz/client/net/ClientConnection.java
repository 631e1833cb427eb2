package dev.tlsquiz.client.net;

import dev.tlsquiz.codec.QuizMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import dev.tlsquiz.tls.pki.Fingerprints;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One TCP+TLS connection to a quiz server, as the play loop sees it: send messages, wait for the
 * handshake, close. Events come back through the sink given to {@link ClientConnector#connect},
 * from {@link #release()} on.
 */
public final class ClientConnection implements AutoCloseable {

    private final Channel channel;
    private final SslHandler ssl;
    private final EventSink sink;

    ClientConnection(Channel channel, SslHandler ssl, EventSink sink) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.ssl = Objects.requireNonNull(ssl, "ssl");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Completes when the TLS handshake succeeded, or fails with its cause. */
    public Future<Channel> handshakeFuture() {
        return ssl.handshakeFuture();
    }

    /**
     * Sends a message. Safe from any thread: Netty runs the write on the channel's event loop. A
     * failed write closes the connection and reaches the play loop as a connection failure (once: a
     * write that fails because the connection is already closed adds nothing).
     */
    public ChannelFuture send(QuizMessage message) {
        return channel.writeAndFlush(message).addListener(ClientExceptionHandler.REPORT_WRITE_FAILURE);
    }

    /** The connection's channel, for the tests of this package. */
    Channel channel() {
        return channel;
    }

    /** Whether we sent a client certificate in the handshake: only when the server asked for one. */
    public boolean presentedCertificate() {
        Certificate[] sent = ssl.engine().getSession().getLocalCertificates();
        return sent != null && sent.length > 0;
    }

    /**
     * The pin of the server's public key ({@code SHA256:...}, as {@code --pin} takes it), from the
     * certificate it presented in the handshake; empty if there was none.
     */
    public Optional<String> serverKeyPin() {
        try {
            Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate certificate) {
                return Optional.of(Fingerprints.publicKeyPin(certificate));
            }
        } catch (SSLPeerUnverifiedException e) {
            // No handshake, or no certificate: nothing to pin.
        }
        return Optional.empty();
    }

    /** The negotiated protocol and cipher suite, for {@code --verbose}. */
    public String describeTls() {
        SSLSession session = ssl.engine().getSession();
        String alpn = ssl.applicationProtocol();
        return session.getProtocol() + ", " + session.getCipherSuite()
                + (alpn == null ? "" : ", ALPN " + alpn);
    }

    /**
     * Starts delivering this connection's events (those held back since the connect first), once
     * the play loop has decided to use it.
     */
    public void release() {
        sink.release();
    }

    /** Stops delivering events from this connection and drops any held back; used before abandoning it. */
    public void detach() {
        sink.detach();
    }

    /**
     * Closes the connection and waits briefly for the close to finish. A server that does not read
     * what we send (the channel is not writable) gets no TLS close_notify: it would wait behind the
     * rest, and Netty would give up on it after 3 s with a logged warning; the socket under TLS is
     * closed at once instead.
     */
    @Override
    public void close() {
        ChannelHandlerContext underTls = channel.pipeline().context(ssl);
        ChannelFuture closed = channel.isWritable() || underTls == null ? channel.close() : underTls.close();
        closed.awaitUninterruptibly(5_000);
    }
}
