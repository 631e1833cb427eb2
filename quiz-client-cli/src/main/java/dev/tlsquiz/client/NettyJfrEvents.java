package dev.tlsquiz.client;

/**
 * Netty 4.2 describes its buffer allocations as JFR events, and registering the first one starts JFR's
 * machinery (about 100 classes and generated event handlers; its cost is in BENCHMARKS.md, "Start-up") even
 * when nothing is recording. A session allocates a handful of buffers, so it goes without those events;
 * {@code -Dio.netty.jfr.enabled=true} still turns them on. A class of its own, without a logger, so that
 * switching them off loads nothing else (logging starts when Netty does).
 */
public final class NettyJfrEvents {

    /** Netty's switch for its buffer-allocation JFR events; read once, when Netty first loads. */
    static final String PROPERTY = "io.netty.jfr.enabled";

    private NettyJfrEvents() {
    }

    /** Turns Netty's JFR events off unless the property says otherwise; before Netty loads to have effect. */
    public static void skip() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
