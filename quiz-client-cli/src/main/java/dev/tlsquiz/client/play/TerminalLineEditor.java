package dev.tlsquiz.client.play;

import dev.tlsquiz.client.session.ClientEvent;
import dev.tlsquiz.client.session.EventQueue;
import java.io.IOError;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LineEditor} of a real terminal, on JLine: emacs keys, the time left redrawn in the
 * prompt every second ({@code [12s] Problem 1/3  11 + 41 = }), and Ctrl-C and Ctrl-D handled as a
 * shell does. Only {@link PlayCommand} refers to this class, and only when stdin and stdout are a
 * terminal, so that scripted and {@code --auto} runs never load JLine.
 *
 * <p>From {@link #start()} on the terminal stays in raw mode: keys typed while no answer is asked
 * for are neither echoed nor read, and {@link #ask} discards them before it draws a new problem.
 */
public final class TerminalLineEditor implements LineEditor {

    private static final Logger log = LoggerFactory.getLogger(TerminalLineEditor.class);

    /** The shell's code for a program ended by Ctrl-C (128 + SIGINT). */
    static final int EXIT_INTERRUPTED = 130;

    /** How often the countdown checks whether its number changed. */
    private static final long TICK_MILLIS = 200;

    /** How long one read waits for a key while type-ahead is being discarded. */
    private static final long DISCARD_READ_MILLIS = 5;

    /** Sets the prompt to {@link #nextPrompt}, and with {@link #clearOnPrompt} empties the line. */
    private static final String SET_PROMPT_WIDGET = "quiz-set-prompt";

    private final Terminal terminal;
    private final LineReaderImpl reader;
    private EventQueue events;
    private final Object lock = new Object();
    private final Object promptLock = new Object();
    private final Thread thread;
    private final ScheduledExecutorService ticker;

    private Object previousIntHandler;
    private Object previousWinchHandler;
    private Attributes cookedAttributes;

    // Guarded by lock.
    private Request pending;
    private boolean reading;
    private boolean cancelled;
    private boolean delivered;
    private boolean closed;

    // Read by the ticker and the signal thread.
    private volatile Request current;
    private volatile long shownSeconds = -1;
    private volatile boolean sessionStarted;
    private volatile boolean interruptedOnce;
    /** Set while a cancel clears the line, so that the countdown does not draw it again. */
    private volatile boolean cancelling;
    private volatile String nextPrompt = "";
    private volatile boolean clearOnPrompt;

    private record Request(String prompt, long deadlineNanos, boolean newProblem) {
    }

    private TerminalLineEditor(Terminal terminal) {
        this.terminal = terminal;
        // The only implementation; its setPrompt lets the countdown redraw the prompt in place.
        this.reader = (LineReaderImpl) LineReaderBuilder.builder()
                .terminal(terminal)
                // An answer is not a shell command: '!' and '\' are just characters.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.BELL_STYLE, "none")
                .build();
        // Widgets run under the reader's own lock, so the prompt never changes in the middle of a redraw.
        reader.getWidgets().put(SET_PROMPT_WIDGET, () -> {
            reader.setPrompt(nextPrompt);
            if (clearOnPrompt) {
                reader.getBuffer().clear();
            }
            return true;
        });
        this.thread = new Thread(this::readLoop, "quiz-line-editor");
        // The session's end never waits for a person to type.
        thread.setDaemon(true);
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread countdown = new Thread(task, "quiz-countdown");
            countdown.setDaemon(true);
            return countdown;
        });
    }

    /**
     * Opens the process's terminal.
     *
     * @throws IOException when no real terminal can be had (a dumb one would redraw nothing)
     */
    public static TerminalLineEditor open() throws IOException {
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .dumb(false)
                // Signals are wired by hand below: only INT and WINCH, so that Ctrl-Z still suspends.
                .nativeSignals(false)
                .build();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            // TERM=dumb (an editor's shell buffer, say): it cannot redraw a line; plain lines it is.
            terminal.close();
            throw new IOException("the terminal is '" + terminal.getType() + "': no line editing");
        }
        return new TerminalLineEditor(terminal);
    }

    @Override
    public void start(EventQueue events) {
        this.events = Objects.requireNonNull(events, "events");
        previousIntHandler = Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
        previousWinchHandler = Signals.register("WINCH", () -> terminal.raise(Terminal.Signal.WINCH));
        // Outside readLine Ctrl-C lands here; inside it, JLine interrupts the read (see readLoop).
        terminal.handle(Terminal.Signal.INT, signal -> onCtrlC());
        cookedAttributes = terminal.enterRawMode();
        thread.start();
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> T readCooked(Supplier<T> read) {
        discardTypeAhead();
        terminal.setAttributes(cookedAttributes);
        try {
            return read.get();
        } finally {
            terminal.enterRawMode();
        }
    }

    @Override
    public void sessionStarted() {
        sessionStarted = true;
    }

    @Override
    public void ask(String prompt, long deadlineNanos, boolean newProblem) {
        synchronized (lock) {
            pending = new Request(prompt, deadlineNanos, newProblem);
            delivered = false;
            lock.notifyAll();
        }
    }

    @Override
    public boolean cancel() {
        synchronized (lock) {
            pending = null;
            if (reading) {
                cancelled = true;
                cancelling = true;
                Request request = current;
                if (request != null) {
                    // The problem stays on the screen without the countdown or what was typed after it.
                    setPrompt(request.prompt(), true);
                }
                thread.interrupt();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reading && deadline - System.nanoTime() > 0) {
                waitOnLock(deadline - System.nanoTime());
            }
            boolean stale = delivered;
            delivered = false;
            return stale;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        if (cookedAttributes == null) {
            // Never started (the connection failed first): the terminal is still as we found it.
            synchronized (lock) {
                closed = true;
            }
            closeTerminal();
            return;
        }
        cancel();
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        ticker.shutdownNow();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discardTypeAhead();
        restoreTerminal();
        Signals.unregister("INT", previousIntHandler);
        Signals.unregister("WINCH", previousWinchHandler);
        closeTerminal();
    }

    private void closeTerminal() {
        try {
            terminal.close();
        } catch (IOException e) {
            log.debug("closing the terminal failed", e);
        }
    }

    private void readLoop() {
        while (true) {
            Request request;
            synchronized (lock) {
                while (pending == null && !closed) {
                    waitOnLock(Long.MAX_VALUE);
                }
                if (closed) {
                    return;
                }
                request = pending;
                pending = null;
                reading = true;
                cancelled = false;
                cancelling = false;
                current = request;
            }
            ClientEvent result = read(request);
            synchronized (lock) {
                // A cancel that raced with Enter interrupted us after readLine returned; forget it.
                Thread.interrupted();
                current = null;
                if (result != null && !cancelled) {
                    // Queued before the play loop can see the reader idle, and never waiting for room (see cancel).
                    events.add(result);
                    delivered = true;
                }
                reading = false;
                lock.notifyAll();
            }
        }
    }

    /** Reads one line; the event it makes, or {@code null} when there is none to deliver. */
    private ClientEvent read(Request request) {
        if (request.newProblem()) {
            discardTypeAhead();
        }
        synchronized (lock) {
            // A cancel during the discard: the problem closed before its prompt was drawn.
            if (cancelled) {
                return null;
            }
        }
        shownSeconds = secondsLeft(request);
        String prompt = countdownPrompt(request, shownSeconds);
        synchronized (promptLock) {
            nextPrompt = prompt;
        }
        try {
            return new ClientEvent.LineRead(reader.readLine(prompt));
        } catch (UserInterruptException e) {
            boolean byUs;
            synchronized (lock) {
                byUs = cancelled;
            }
            if (!byUs) {
                onCtrlC();
            }
            return null;
        } catch (EndOfFileException e) {
            // Ctrl-D at an empty prompt: the player leaves, as with 'quit'.
            return new ClientEvent.InputEnded("end of input (Ctrl-D)");
        } catch (IOError | RuntimeException e) {
            log.debug("reading the terminal failed", e);
            return new ClientEvent.InputEnded("could not read the terminal: " + e.getMessage());
        }
    }

    /** Redraws the prompt when the seconds left changed; the typed text and cursor stay as they are. */
    private void tick() {
        synchronized (promptLock) {
            Request request = current;
            if (request == null || cancelling) {
                return;
            }
            long seconds = secondsLeft(request);
            if (seconds == shownSeconds) {
                return;
            }
            shownSeconds = seconds;
            setPrompt(countdownPrompt(request, seconds), false);
        }
    }

    private void setPrompt(String prompt, boolean clearLine) {
        synchronized (promptLock) {
            boolean sameWidth = prompt.length() == nextPrompt.length() && !clearLine;
            nextPrompt = prompt;
            clearOnPrompt = clearLine;
            callWidget(SET_PROMPT_WIDGET);
            if (sameWidth) {
                // The whole line again, prompt first (what a screen reader or a log of the terminal sees);
                // only at the same width, since a redraw does not erase the tail of a longer line.
                callWidget(LineReader.REDRAW_LINE);
            }
            callWidget(LineReader.REDISPLAY);
        }
    }

    private void callWidget(String name) {
        try {
            reader.callWidget(name);
        } catch (IllegalStateException e) {
            // readLine has just ended: there is no line to redraw.
        }
    }

    private static long secondsLeft(Request request) {
        long leftNanos = request.deadlineNanos() - System.nanoTime();
        return leftNanos <= 0 ? 0 : (leftNanos + 999_999_999) / 1_000_000_000;
    }

    private static String countdownPrompt(Request request, long seconds) {
        return String.format(Locale.ROOT, "[%2ds] ", seconds) + request.prompt();
    }

    /**
     * The first Ctrl-C of a session asks the play loop to end it politely; before the session began,
     * or once it is ending, Ctrl-C ends the process at once, as a shell's programs do.
     */
    private void onCtrlC() {
        if (sessionStarted && !interruptedOnce) {
            interruptedOnce = true;
            events.add(new ClientEvent.Interrupted());
            return;
        }
        restoreTerminal();
        terminal.writer().println();
        terminal.flush();
        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
    }

    /**
     * Reads and drops every key typed but not yet read, from JLine's buffers and the terminal's. Only
     * in raw mode, where a read with a timeout returns (JLine times it with the terminal's VTIME).
     */
    private void discardTypeAhead() {
        NonBlockingReader keys = terminal.reader();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (deadline - System.nanoTime() > 0) {
                int key = keys.read(DISCARD_READ_MILLIS);
                if (key == NonBlockingReader.EOF) {
                    return;
                }
                // Keys may still sit in the kernel while JLine's reading thread has not been scheduled.
                if (key == NonBlockingReader.READ_EXPIRED && System.in.available() == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            log.debug("discarding type-ahead failed", e);
        }
    }

    private void restoreTerminal() {
        if (cookedAttributes != null) {
            terminal.setAttributes(cookedAttributes);
        }
        terminal.flush();
    }

    /** Waits on the lock; returns false when interrupted (by a cancel that came too late to matter). */
    private boolean waitOnLock(long nanos) {
        try {
            long millis = Math.max(1, Math.min(nanos / 1_000_000, Long.MAX_VALUE / 2));
            lock.wait(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
