package dev.tlsquiz.server.cli.bank;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.bank.BankLimits;
import dev.tlsquiz.bank.BankReader;
import dev.tlsquiz.bank.Diagnostic;
import dev.tlsquiz.bank.ParsedBank;
import dev.tlsquiz.bank.QuestionKind;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server bank check FILE...}: reads each bank as the server would and prints, per file, the
 * number of questions of each kind, then every warning and error as {@code FILE:LINE:COLUMN: message}
 * (warnings as {@code FILE:LINE:COLUMN: warning: message}), then {@code FILE: valid} or
 * {@code FILE: invalid, N errors}. File names and messages quote file content and pass through
 * {@link TerminalText}.
 *
 * <p>Exit status: 0 every file is valid (warnings allowed); 1 a file is invalid or unreadable; 2 invalid
 * usage, such as a file that does not exist or whose format the extension does not tell (checked for
 * every file before any is read).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = {"Check question banks: count the questions of each kind and print every problem as "
                + "FILE:LINE:COLUMN: message.",
                "Exit status: 0 all valid, 1 a bank is invalid, 2 invalid usage (such as a missing file)."})
public final class BankCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Bank files: .gift or .txt (Moodle GIFT), .csv (Kahoot-style spreadsheet).")
    private List<Path> files;

    @Option(names = "--bank-format", paramLabel = "FORMAT", converter = BankFormatConverter.class,
            completionCandidates = BankFormatConverter.class,
            description = "Read every FILE in this format, whatever its extension: ${COMPLETION-CANDIDATES}.")
    private BankFormat format;

    @Override
    public Integer call() {
        Map<Path, BankFormat> formats = formats();
        BankReader reader = new BankReader(BankLimits.defaults());
        boolean allValid = true;
        for (Map.Entry<Path, BankFormat> file : formats.entrySet()) {
            allValid &= check(reader, file.getKey(), file.getValue());
        }
        out().flush();
        return allValid ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** Each file's format, after checking that every file exists and has one: usage errors come before any output. */
    private Map<Path, BankFormat> formats() {
        Map<Path, BankFormat> formats = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new ParameterException(spec.commandLine(), shown(file) + " not found; check the path");
            }
            BankFormat fileFormat = format != null ? format : BankFormat.fromFileName(file.getFileName().toString())
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "cannot tell the format of "
                            + shown(file) + " from its extension; name it .gift, .txt or .csv, or use --bank-format gift|csv"));
            formats.put(file, fileFormat);
        }
        return formats;
    }

    private boolean check(BankReader reader, Path file, BankFormat fileFormat) {
        String name = shown(file);
        ParsedBank bank;
        try {
            bank = reader.read(file, fileFormat);
        } catch (IOException e) {
            out().printf("%s: invalid, cannot read it (%s)%n", name, TerminalText.sanitize(String.valueOf(e.getMessage())));
            return false;
        }
        out().printf("%s: %d %s (%s)%n", name, bank.questions().size(),
                bank.questions().size() == 1 ? "question" : "questions", fileFormat.optionName());
        bank.countsByKind().forEach((kind, count) -> {
            if (count > 0 || kind != QuestionKind.INTEGER) {
                out().printf("  %-40s %d%n", kind.label() + ":", count);
            }
        });
        for (Diagnostic diagnostic : bank.diagnostics()) {
            out().println(TerminalText.sanitize(diagnostic.format(name)));
        }
        notShown(name, "warnings", bank.warningCount(), bank.warnings().size());
        notShown(name, "errors", bank.errorCount(), bank.errors().size());
        if (bank.valid()) {
            out().printf("%s: valid%s%n", name, bank.warningCount() == 0 ? ""
                    : ", " + bank.warningCount() + (bank.warningCount() == 1 ? " warning" : " warnings"));
        } else {
            out().printf("%s: invalid, %d %s%n", name, bank.errorCount(), bank.errorCount() == 1 ? "error" : "errors");
        }
        return bank.valid();
    }

    private void notShown(String name, String what, int count, int shown) {
        if (count > shown) {
            out().printf("%s: ... and %d more %s not shown%n", name, count - shown, what);
        }
    }

    private static String shown(Path file) {
        return TerminalText.sanitize(file.toString());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
