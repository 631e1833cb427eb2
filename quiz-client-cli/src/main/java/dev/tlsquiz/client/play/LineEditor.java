package dev.tlsquiz.client.play;

import dev.tlsquiz.client.session.EventQueue;
import java.util.function.Supplier;

/**
 * A line editor that owns the terminal while a person plays: it reads one answer at a time, only
 * when asked, so that nothing typed before a problem is shown (or while the last answer is being
 * judged) is ever sent. Lines, Ctrl-D and Ctrl-C reach the play loop as events in its queue.
 *
 * <p>Everything here is called from the play loop's thread; reading happens on the editor's own.
 */
public interface LineEditor extends AutoCloseable {

    /**
     * Takes the terminal over from now on: keys typed are no longer echoed until asked for.
     *
     * @param events where lines, the end of input and Ctrl-C go
     */
    void start(EventQueue events);

    /**
     * Runs {@code read} with the terminal as it was (line by line, echoing), for a question asked
     * before the game (the trust prompt), after discarding what was typed before it was asked.
     */
    <T> T readCooked(Supplier<T> read);

    /** WELCOME arrived: from now on the first Ctrl-C asks to end the session politely. */
    void sessionStarted();

    /**
     * Reads one line after {@code prompt}, counting down to {@code deadlineNanos} in it.
     *
     * @param newProblem whether a new problem is being asked: anything typed before it is discarded
     *                   (on a re-prompt after bad input the player may already be typing again)
     */
    void ask(String prompt, long deadlineNanos, boolean newProblem);

    /**
     * Ends the line being read, if any, without delivering it, and returns once the terminal is free
     * for other output.
     *
     * @return whether a line was delivered to the queue since the last {@link #ask}: the play loop
     *         has not seen it yet and must drop it, as it belongs to a problem that is closed
     */
    boolean cancel();

    /** Gives the terminal back as it was, with keys typed but not read discarded rather than left for the shell. */
    @Override
    void close();
}
