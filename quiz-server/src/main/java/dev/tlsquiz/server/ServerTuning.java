package dev.tlsquiz.server;

import dev.tlsquiz.tls.Transport;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.NettyRuntime;

/**
 * The server's fast paths, each with a switch so that its effect can be measured (see
 * {@code BENCHMARKS.md}, "Fast paths"): the I/O transport, flush consolidation, the buffer
 * allocator and the number of event-loop threads. They change speed and memory, never behaviour.
 *
 * @param transport          native epoll or Java NIO ({@code --transport})
 * @param flushConsolidation batch the flushes of one read into one write, so a VERDICT and the next
 *                           PROBLEM leave in one TLS record and one syscall ({@code --flush-consolidation})
 * @param allocator          Netty 4.2's adaptive allocator or the pooled one ({@code --allocator})
 * @param eventLoopThreads   worker event loops; 0 for one per CPU
 *                           ({@code --event-loop-threads})
 * @param tcpNoDelay         send small writes at once rather than wait (Nagle's algorithm) for an
 *                           acknowledgement or a full segment ({@code --tcp-nodelay})
 */
public record ServerTuning(Transport transport, boolean flushConsolidation, Allocator allocator,
                           int eventLoopThreads, boolean tcpNoDelay) {

    /**
     * What the server runs with unless told otherwise: what won in {@code BENCHMARKS.md}. Native
     * epoll where it loads, flush consolidation, the adaptive allocator, one event loop per CPU,
     * TCP_NODELAY.
     */
    public static final ServerTuning DEFAULTS = new ServerTuning(Transport.AUTO, true, Allocator.ADAPTIVE, 0, true);

    public ServerTuning {
        if (transport == null || allocator == null) {
            throw new IllegalArgumentException("transport and allocator are required");
        }
        if (eventLoopThreads < 0 || eventLoopThreads > 1024) {
            throw new IllegalArgumentException("--event-loop-threads: " + eventLoopThreads + " (expected: 0..1024)");
        }
    }

    /**
     * The worker event loops to start: {@link #eventLoopThreads()}, or one per CPU for 0. Not Netty's
     * own default of twice the CPUs: one loop per CPU measured faster (BENCHMARKS.md, "Fast paths");
     * more loops than CPUs only take turns.
     */
    public int workerThreads() {
        return eventLoopThreads != 0 ? eventLoopThreads : NettyRuntime.availableProcessors();
    }

    /** The buffer allocator of every connection. */
    public enum Allocator {
        /** Netty 4.2's default: sizes its chunks to what is actually allocated. */
        ADAPTIVE,
        /** The jemalloc-style pooled allocator, Netty 4.1's default. */
        POOLED;

        ByteBufAllocator instance() {
            return this == POOLED ? PooledByteBufAllocator.DEFAULT : Adaptive.INSTANCE;
        }

        /** One adaptive allocator per JVM, created only when used. */
        private static final class Adaptive {
            static final ByteBufAllocator INSTANCE = new AdaptiveByteBufAllocator();
        }
    }
}
