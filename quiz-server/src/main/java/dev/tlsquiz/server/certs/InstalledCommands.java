package dev.tlsquiz.server.certs;

import java.util.Objects;

/**
 * The two programs as the operator starts them, for the commands printed in hints: {@code quiz} and
 * {@code quiz-server} when installed, {@code scripts/quiz} and {@code scripts/quiz-server} when run from a
 * checkout. The launchers in {@code scripts/} say which by passing their own folder, as the operator
 * typed it, in the system property {@value #SCRIPTS_PROPERTY}.
 *
 * @param quiz       the client's command, ready to print (quoted for a shell when needed)
 * @param quizServer the server's command, ready to print
 */
public record InstalledCommands(String quiz, String quizServer) {

    /** The launchers' folder, set by {@code scripts/lib/launch.sh}; absent for an installed program. */
    public static final String SCRIPTS_PROPERTY = "tlsquiz.scripts";

    /** {@code quiz} and {@code quiz-server}, as installed on the PATH. */
    public static final InstalledCommands ON_PATH = new InstalledCommands("quiz", "quiz-server");

    public InstalledCommands {
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(quizServer, "quizServer");
    }

    /** The commands of this process's launcher. */
    public static InstalledCommands current() {
        return inScriptsFolder(System.getProperty(SCRIPTS_PROPERTY));
    }

    /** The launchers in {@code scriptsDir}; {@link #ON_PATH} when it is null or blank. */
    public static InstalledCommands inScriptsFolder(String scriptsDir) {
        if (scriptsDir == null || scriptsDir.isBlank()) {
            return ON_PATH;
        }
        String dir = scriptsDir.endsWith("/") ? scriptsDir : scriptsDir + "/";
        return new InstalledCommands(ShellWords.quote(dir + "quiz"), ShellWords.quote(dir + "quiz-server"));
    }
}
