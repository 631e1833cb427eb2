package dev.tlsquiz.server.bank;

import dev.tlsquiz.bank.BankLimits;
import dev.tlsquiz.bank.BankReader;
import dev.tlsquiz.bank.Diagnostic;
import dev.tlsquiz.bank.ParsedBank;
import dev.tlsquiz.bank.Question;
import dev.tlsquiz.server.Durations;
import dev.tlsquiz.server.config.QuestionBanks;
import dev.tlsquiz.text.LogText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the served banks ({@code --bank}, {@code --bank-format}, {@code --category}) into the questions
 * sessions are asked. Blocking file I/O: called at start on the starting thread and on reload on the
 * reload thread, never on an event loop. The limits come from {@code --max-frame-bytes}, so every
 * question's PROBLEM and VERDICT fit the frames the server sends; a question's own time limit must be
 * shorter than {@code --idle-timeout}, or a player who thinks would be cut off.
 */
public final class BankLoader {

    private static final Logger LOG = LoggerFactory.getLogger(BankLoader.class);

    private final QuestionBanks banks;
    private final BankReader reader;
    private final Duration idleTimeout;

    public BankLoader(QuestionBanks banks, int maxFrameBytes, Duration idleTimeout) {
        if (!banks.any()) {
            throw new IllegalArgumentException("no --bank to load");
        }
        this.banks = banks;
        this.idleTimeout = idleTimeout;
        this.reader = new BankReader(BankLimits.defaults().withMaxFrameBytes(maxFrameBytes));
    }

    /** The files read. */
    public List<Path> files() {
        return banks.files();
    }

    /**
     * Every question of every file, in file order, only those of {@code --category} when given.
     *
     * @throws InvalidBankException with the lines {@code bank check} prints, when a file cannot be read or
     *     has errors, or when no question is left to ask
     */
    public List<Question> load() throws InvalidBankException {
        List<Question> questions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : banks.files()) {
            String name = file.toString();
            ParsedBank bank;
            try {
                bank = reader.read(file, banks.formatOf(file));
            } catch (IOException e) {
                problems.add(name + ": invalid, cannot read it (" + e.getMessage() + ")");
                continue;
            }
            if (!bank.valid()) {
                bank.errors().forEach(error -> problems.add(error.format(name)));
                int notShown = bank.errorCount() - bank.errors().size();
                // The summary line of bank check, word for word.
                problems.add(name + ": invalid, " + bank.errorCount() + (bank.errorCount() == 1 ? " error" : " errors")
                        + (notShown > 0 ? " (" + notShown + " not shown)" : ""));
                continue;
            }
            Optional<String> tooLong = tooLongForTheIdleTimeout(name, bank.questions());
            if (tooLong.isPresent()) {
                problems.add(tooLong.get());
                continue;
            }
            for (Diagnostic warning : bank.warnings()) {
                LOG.warn("{}", LogText.value(warning.format(name)));
            }
            questions.addAll(bank.questions());
        }
        if (!problems.isEmpty()) {
            throw new InvalidBankException(problems);
        }
        List<Question> asked = banks.category().map(category -> inCategory(questions, category)).orElse(questions);
        if (asked.isEmpty()) {
            throw new InvalidBankException(List.of(noQuestionLine(questions)));
        }
        return asked;
    }

    /** A line for the first question whose own time limit is not shorter than the idle timeout. */
    private Optional<String> tooLongForTheIdleTimeout(String name, List<Question> questions) {
        for (Question question : questions) {
            OptionalInt limit = question.header().timeLimit();
            if (limit.isPresent() && Duration.ofSeconds(limit.getAsInt()).compareTo(idleTimeout) >= 0) {
                return Optional.of(name + ":" + question.header().position() + ": time limit of " + limit.getAsInt()
                        + " s is not shorter than --idle-timeout (" + Durations.format(idleTimeout)
                        + "), so a player who thinks would be cut off; raise --idle-timeout");
            }
        }
        return Optional.empty();
    }

    /**
     * The questions of {@code category} or one of its subcategories: {@code math} takes {@code math} and
     * {@code math/easy}, not {@code mathematics}. Compared as written, without a trailing slash.
     */
    static List<Question> inCategory(List<Question> questions, String category) {
        String wanted = withoutTrailingSlash(category.strip());
        return questions.stream().filter(q -> {
            String own = withoutTrailingSlash(q.header().category());
            return own.equals(wanted) || own.startsWith(wanted + "/");
        }).toList();
    }

    private String noQuestionLine(List<Question> questions) {
        if (questions.isEmpty()) {
            return "--bank: " + String.join(", ", banks.files().stream().map(Path::toString).toList())
                    + " holds no question; add questions, or leave out --bank for arithmetic";
        }
        TreeSet<String> categories = new TreeSet<>();
        questions.forEach(q -> categories.add(q.header().category().isEmpty() ? "(none)" : q.header().category()));
        return "--category " + banks.category().orElse("") + ": no question of the banks is in this category"
                + " (categories: " + String.join(", ", categories) + "); pass one of them";
    }

    private static String withoutTrailingSlash(String category) {
        return category.endsWith("/") ? category.substring(0, category.length() - 1) : category;
    }

    /** For a log line: the first {@code count} lines of a failure, escaped. */
    static String firstLines(InvalidBankException e, int count) {
        List<String> lines = e.lines();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(count, lines.size()); i++) {
            text.append(i == 0 ? "" : " | ").append(lines.get(i));
        }
        if (lines.size() > count) {
            text.append(" | ... ").append(lines.size() - count).append(" more");
        }
        return LogText.value(text.toString());
    }
}
