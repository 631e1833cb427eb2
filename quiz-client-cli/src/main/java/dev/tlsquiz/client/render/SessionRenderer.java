package dev.tlsquiz.client.render;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;

/**
 * Shows a session's events to the user. The play loop calls it from one thread, in the order the
 * events happened; implementations decide the format ({@link OutputFormat}) and which stream a
 * line goes to.
 */
public interface SessionRenderer {

    /**
     * The server accepted us; the session begins.
     *
     * @param nameVerified whether the server knows us by the name in our client certificate
     */
    void welcome(Welcome welcome, boolean nameVerified);

    /** A new problem is open; in interactive mode this is the prompt. */
    void problem(Problem problem);

    /** The player's input was not an answer; say why and ask again (interactive only). */
    void reprompt(Problem problem, String reason);

    /**
     * The person pressed Enter at the terminal, which echoed the line and moved to a new one
     * (interactive only).
     */
    void lineTyped();

    /**
     * An answer went to the server.
     *
     * @param typed whether a person typed it (the terminal already echoed it) rather than a
     *              script or the solver
     */
    void answerSent(Problem problem, String answer, boolean typed);

    /**
     * {@code --auto} cannot compute an answer to {@code problem} and sends none: say so, with
     * {@code reason} (which quotes the problem's text).
     */
    void cannotAnswer(Problem problem, String reason);

    /**
     * The server judged a problem.
     *
     * @param problem the problem judged, or {@code null} if it is not the one we know
     * @param answer  what we sent for it, or {@code null} when nothing was sent
     */
    void verdict(Verdict verdict, Problem problem, String answer);

    /** {@code help} was typed: list the commands the prompt understands (interactive only). */
    void help();

    /**
     * The session's result: the server's SUMMARY with the client's own figures, or (when
     * {@link SessionSummary#partial()}) only the client's count of a session cut off without one.
     */
    void summary(SessionSummary summary);

    /** The run failed; one line for people, and an {@code error} event in JSON. */
    void failure(ClientFailure failure);

    /** A diagnostic line for people; always on stderr. */
    void notice(String line);

    /** The renderer for {@code format} on the given streams, which prints its own prompts. */
    static SessionRenderer create(OutputFormat format, Terminal terminal) {
        return create(format, terminal, false);
    }

    /**
     * The renderer for {@code format} on the given streams.
     *
     * @param editorPrompts whether a line editor draws the prompts (text at a real terminal only)
     */
    static SessionRenderer create(OutputFormat format, Terminal terminal, boolean editorPrompts) {
        return switch (format) {
            case TEXT -> new TextRenderer(terminal.out(), terminal.err(), terminal.colour(), editorPrompts);
            case JSON -> new JsonRenderer(terminal.out(), terminal.err());
        };
    }
}
