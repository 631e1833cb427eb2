package dev.tlsquiz.server.cli.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.cli.QuizServerMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BankCheckCommandTest {

    private static final String GOOD_GIFT = """
            // two good questions and a skipped essay
            ::Capital:: Capital of France? {=Paris ~Lyon}

            Essay. {}

            Pi? {#3.14:0.01}
            """;
    private static final String BROKEN_GIFT = "Q {=a ~b\n\nQ {#x}\n\nGood {T}\n";
    private static final String GOOD_CSV = "Question,A1,A2,A3,A4,Time limit (sec),Correct answer(s)\nQ,a,b,c,,20,\"1,3\"\n";

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void check_whenValidFiles_thenCountsPerKindWarningsAndExit0() throws Exception {
        Path gift = write("good.gift", GOOD_GIFT);
        Path csv = write("good.csv", GOOD_CSV);

        Run run = check(gift.toString(), csv.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        assertEquals(String.join("\n",
                gift + ": 2 questions (gift)",
                "  multiple choice, one right answer:       1",
                "  multiple choice, several right answers:  0",
                "  true/false:                              0",
                "  short answer:                            0",
                "  numerical:                               1",
                gift + ":4:1: warning: skipped an essay question ({}); a quiz can only ask questions it can judge",
                gift + ": valid, 1 warning",
                csv + ": 1 question (csv)",
                "  multiple choice, one right answer:       0",
                "  multiple choice, several right answers:  1",
                "  true/false:                              0",
                "  short answer:                            0",
                "  numerical:                               0",
                csv + ": valid", ""), run.out());
    }

    @Test
    void check_whenBrokenFile_thenEveryErrorWithLineAndColumnAndExit1() throws Exception {
        Path good = write("good.gift", GOOD_GIFT);
        Path broken = write("broken.txt", BROKEN_GIFT);

        Run run = check(good.toString(), broken.toString());

        assertEquals(1, run.exitCode(), run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains(broken + ":1:3: unclosed '{': the answer block needs a '}' before the next blank line"),
                run.out());
        assertTrue(lines.contains(broken + ":3:5: 'x' is not a number; write digits with a decimal dot, such as 3.14"),
                run.out());
        assertTrue(lines.contains(broken + ": 1 question (gift)"), run.out());
        assertEquals(broken + ": invalid, 2 errors", lines.get(lines.size() - 1));
        assertTrue(lines.contains(good + ": valid, 1 warning"), run.out());
    }

    @Test
    void check_whenHostileNamesAndContent_thenTerminalSafeOutput() throws Exception {
        Path file = write("evil\u001b]0;x\u0007.gift", "Q {#\u00e9\u202e1}\n\nName {=ok}\n");

        Run run = check(file.toString());

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().indexOf('\u001b') < 0 && run.out().indexOf('\u0007') < 0 && run.out().indexOf('\u202e') < 0,
                run.out());
        assertTrue(run.out().contains("evil\\x1b]0;x\\x07.gift:1:5: 'é\\u202e1' is not a number"), run.out());
    }

    @Test
    void check_whenControlCharactersInFile_thenRefusedWithPosition() throws Exception {
        Path file = write("c.gift", "Q \u001b[2J {T}\n");

        Run run = check(file.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains(file + ":1:3: control character U+001B; remove it (only tab and line breaks are allowed)"),
                run.out());
    }

    @Test
    void check_whenMissingFile_thenUsageErrorExit2BeforeAnyOutput() throws Exception {
        Path good = write("good.gift", GOOD_GIFT);
        Path missing = dir.resolve("missing.gift");

        Run run = check(good.toString(), missing.toString());

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("quiz-server: " + missing + " not found; check the path; see 'quiz-server bank check --help'"),
                run.err().lines().toList());
    }

    @Test
    void check_whenUnknownExtension_thenUsageErrorUnlessFormatGiven() throws Exception {
        Path file = write("questions.md", GOOD_CSV);

        Run unknown = check(file.toString());
        Run given = check("--bank-format", "CSV", file.toString());
        Run wrong = check("--bank-format", "xml", file.toString());

        assertEquals(2, unknown.exitCode());
        assertEquals(List.of("quiz-server: cannot tell the format of " + file + " from its extension; name it .gift, .txt "
                + "or .csv, or use --bank-format gift|csv; see 'quiz-server bank check --help'"), unknown.err().lines().toList());
        assertEquals(0, given.exitCode(), given.out() + given.err());
        assertEquals(2, wrong.exitCode());
        assertEquals(List.of("quiz-server: invalid value for --bank-format: 'xml' (expected: gift or csv); see "
                + "'quiz-server bank check --help'"), wrong.err().lines().toList());
    }

    @Test
    void check_whenNoFile_thenUsageError() {
        Run run = execute("bank", "check");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("quiz-server: Missing required parameter: 'FILE'"), run.err());
        assertEquals(2, execute("bank").exitCode());
    }

    @Test
    void check_asARealProcess_thenSameOutputAndExitCode() throws Exception {
        Path good = write("good.csv", GOOD_CSV);
        Path broken = write("broken.gift", BROKEN_GIFT);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuizServerMain.class.getName(),
                "bank", "check", good.toString(), broken.toString()));
        Path out = dir.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bank check did not exit within 60 s");
        assertEquals(1, process.exitValue());
        assertEquals(check(good.toString(), broken.toString()).out(), Files.readString(out, StandardCharsets.UTF_8));
        assertEquals("", Files.readString(dir.resolve("stderr.txt")));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Run check(String... args) {
        List<String> all = new ArrayList<>(List.of("bank", "check"));
        all.addAll(List.of(args));
        return execute(all.toArray(String[]::new));
    }

    private static Run execute(String... args) {
        CommandLine commandLine = QuizServerMain.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(QuizServerMain.withDefaultCommand(commandLine, args));
        return new Run(exitCode, out.toString(), err.toString());
    }
}
