package dev.tlsquiz.tls.testing;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a hostile peer puts into a string to take over a terminal or forge a log line, and the check
 * that none of it reached an output. The check is written here on its own, character by character,
 * rather than with the sanitiser under test, so that a mistake in the sanitiser cannot hide itself.
 */
public final class HostileText {

    /** CSI 2 J, CSI H: clear the screen and go home, to redraw a prompt from scratch. */
    public static final String CLEAR_SCREEN = "\u001b[2J\u001b[H";
    /** SGR 8: conceal what follows, such as the real fingerprints. */
    public static final String HIDE = "\u001b[8m";
    /** OSC 52: write "rm -rf ~" (base64) to the clipboard. */
    public static final String CLIPBOARD = "\u001b]52;c;cm0gLXJmIH4K\u0007";
    /** OSC 0: set the window title. */
    public static final String TITLE = "\u001b]0;owned\u0007";
    /** The 8-bit CSI (U+009B) that some terminals obey like ESC [. */
    public static final String C1_CLEAR = "\u009b2J";
    /** RIGHT-TO-LEFT OVERRIDE: shows what follows reversed. */
    public static final String RIGHT_TO_LEFT = "\u202e";
    /** A newline and a carriage return: a forged line of its own. */
    public static final String NEW_LINE = "\r\n";

    private HostileText() {
    }

    /** {@code words} wrapped in every sequence above, so one string tries them all. */
    public static String wrap(String words) {
        return CLEAR_SCREEN + TITLE + words + RIGHT_TO_LEFT + "evil" + C1_CLEAR + NEW_LINE + CLIPBOARD + HIDE;
    }

    /**
     * Fails when {@code output} holds a character a terminal acts on: C0 controls other than the line
     * feed (and the tab, when {@code tabsAllowed}: stack traces indent with it), DEL, C1 controls, or a
     * bidirectional embedding, override or isolate.
     */
    public static void assertNothingForTheTerminal(String output, boolean tabsAllowed) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            boolean allowed = c == '\n' || (tabsAllowed && c == '\t');
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (!allowed && (control || bidi)) {
                fail(String.format("U+%04X at %d would reach the terminal raw:%n%s", (int) c, i, visible(output)));
            }
        }
    }

    /** Fails when {@code output} holds anything for the terminal but line feeds. */
    public static void assertNothingForTheTerminal(String output) {
        assertNothingForTheTerminal(output, false);
    }

    /** {@code text} with every control and override shown as {@code <U+XXXX>}, for failure messages. */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            out.append(special ? String.format("<U+%04X>", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
