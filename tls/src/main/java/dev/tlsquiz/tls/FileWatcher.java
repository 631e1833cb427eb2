package dev.tlsquiz.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a few files' modification time and size on a scheduler the owner provides (one daemon thread,
 * never an event loop) and runs a callback when any of them changed. Polling rather than a WatchService: it sees changes made through symlinks (Kubernetes
 * secret volumes swap a symlink) and on network file systems, and a few stat calls every two seconds
 * cost nothing.
 */
public final class FileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final List<Path> files;
    private final Runnable onChange;
    private final ScheduledFuture<?> polling;
    private List<String> lastSeen;

    public FileWatcher(List<Path> files, Duration interval, ScheduledExecutorService scheduler, Runnable onChange) {
        this.files = List.copyOf(files);
        this.onChange = onChange;
        this.lastSeen = snapshot();
        long millis = interval.toMillis();
        this.polling = scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Records the files' current state as seen, e.g. after a reload that was not caused by a poll. */
    public synchronized void markSeen() {
        lastSeen = snapshot();
    }

    private void poll() {
        try {
            synchronized (this) {
                List<String> now = snapshot();
                if (now.equals(lastSeen)) {
                    return;
                }
                lastSeen = now;
            }
            onChange.run();
        } catch (RuntimeException e) {
            // A throw would cancel the schedule and silently end reloading for the life of the server.
            LOG.error("file watcher failed; it keeps watching: {}", e.toString(), e);
        }
    }

    private List<String> snapshot() {
        List<String> states = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                states.add(attributes.lastModifiedTime() + "/" + attributes.size() + "/"
                        + attributes.fileKey());
            } catch (IOException e) {
                states.add("missing");
            }
        }
        return states;
    }

    @Override
    public void close() {
        polling.cancel(false);
    }
}
