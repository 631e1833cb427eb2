package dev.tlsquiz.client.play;

import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.render.OutputFormat;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/** Whether a player's session edits lines with JLine: shared by {@code quiz play} and {@code quiz join}. */
public final class SessionLineEditor {

    private SessionLineEditor() {
    }

    /**
     * The line editor for a person playing in text at a real terminal (stdin and stdout both), or
     * {@code null}: scripts, pipes, {@code --auto} and JSON read lines plainly, and never load JLine.
     * When JLine cannot drive the terminal, that is logged (at debug) as {@code command}.
     */
    public static LineEditor open(AnswerMode mode, Terminal terminal, OutputFormat output, Class<?> command) {
        if (mode != AnswerMode.INTERACTIVE || !terminal.lineEditing() || output != OutputFormat.TEXT) {
            return null;
        }
        try {
            return TerminalLineEditor.open();
        } catch (IOException | RuntimeException e) {
            // TERM=dumb, or a terminal JLine cannot drive: play on with plain lines, as before.
            // The logger is looked up only here, so that starting a session does not wait for logging.
            LoggerFactory.getLogger(command).debug("no line editor for this terminal", e);
            return null;
        }
    }
}
