package dev.tlsquiz.server.bank;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.server.quiz.BankProblems;
import dev.tlsquiz.text.LogText;
import dev.tlsquiz.tls.FileWatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the served banks when one of their files changes, on one thread of its own (never an event
 * loop): new sessions get the new questions, sessions in progress keep theirs. A new version that
 * cannot be served (an error, no question left) keeps the old questions, and its first errors are
 * logged. The files are polled (the {@link FileWatcher} that reloads certificates), so an editor's
 * save-by-rename and a file on a network drive are both seen.
 */
public final class BankReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BankReloader.class);
    /** How often the files are checked by default, as the certificates are. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** Errors quoted in the log line of a refused reload; the rest are counted. */
    private static final int LOGGED_ERRORS = 3;

    private final BankLoader loader;
    private final ScheduledExecutorService thread;
    private final FileWatcher watcher;
    /** What sessions are served; null until the first load is done. Guarded by this. */
    private BankProblems served;
    /** A change was seen before the first load was served. Guarded by this. */
    private boolean changedBeforeServing;

    /**
     * Starts watching the loader's files: before the first load, so that a change made while it
     * reads is not missed. Reloads begin once {@link #serve} hands over what the first load gave.
     */
    public BankReloader(BankLoader loader, Duration interval) {
        this.loader = loader;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread reload = new Thread(task, "bank-reload");
            reload.setDaemon(true);
            return reload;
        });
        this.watcher = new FileWatcher(loader.files(), interval, thread, this::reload);
    }

    /** From now on a change replaces the questions of {@code first}, what the first load gave. */
    public void serve(BankProblems first) {
        boolean reloadNow;
        synchronized (this) {
            served = first;
            reloadNow = changedBeforeServing;
        }
        if (reloadNow) {
            thread.execute(this::reload);
        }
    }

    private void reload() {
        BankProblems served;
        synchronized (this) {
            served = this.served;
            if (served == null) {
                changedBeforeServing = true;
                return;
            }
        }
        try {
            List<Question> questions = loader.load();
            served.replace(questions);
            LOG.info("question banks reloaded: {} questions for new sessions", questions.size());
        } catch (InvalidBankException e) {
            LOG.warn("question bank changed but cannot be served; new sessions keep the previous {} questions: {}",
                    served.size(), BankLoader.firstLines(e, LOGGED_ERRORS));
        } catch (RuntimeException e) {
            LOG.error("reloading the question banks failed; keeping the previous questions: {}",
                    LogText.value(e.toString()), e);
        }
    }

    @Override
    public void close() {
        watcher.close();
        thread.shutdownNow();
    }
}
