package dev.tlsquiz.server.config;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.server.quiz.QuestionOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the questions come from: question bank files, or, with none, the arithmetic generator. Checked
 * here are the options and their combinations; the files themselves are read when the server starts.
 *
 * @param files    the bank files, asked in this order under {@code --order file} ({@code --bank}, repeatable);
 *                 empty for the arithmetic generator
 * @param format   the format of every file ({@code --bank-format}), or empty to tell it from each extension
 * @param category the one GIFT category to ask from ({@code --category}), or empty for all
 * @param order    shuffled or in file order ({@code --order})
 * @param repeat   whether a session may ask a question again once every one was asked ({@code --repeat});
 *                 without it a session asks at most as many questions as the banks hold
 */
public record QuestionBanks(List<Path> files, Optional<BankFormat> format, Optional<String> category,
                            QuestionOrder order, boolean repeat) {

    public QuestionBanks {
        files = List.copyOf(files);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(order, "order");
        if (files.isEmpty()) {
            Checks.require(format.isEmpty(), "--bank-format needs --bank FILE; pass the bank to serve");
            Checks.require(category.isEmpty(), "--category needs --bank FILE; categories are a GIFT bank's");
            Checks.require(order == QuestionOrder.SHUFFLE,
                    "--order file needs --bank FILE; generated arithmetic has no file order");
            Checks.require(!repeat, "--repeat needs --bank FILE; generated arithmetic never runs out");
        }
        if (format.isEmpty()) {
            for (Path file : files) {
                Checks.require(BankFormat.fromFileName(file.getFileName().toString()).isPresent(),
                        "--bank: cannot tell the format of '" + file + "' from its name; name it .gift, .txt or "
                                + ".csv, or pass --bank-format gift|csv");
            }
        }
        category.ifPresent(name -> Checks.require(!name.isBlank(),
                "--category: empty; pass a category of the bank, such as math/easy"));
    }

    /** The arithmetic generator: no bank. */
    public static QuestionBanks none() {
        return new QuestionBanks(List.of(), Optional.empty(), Optional.empty(), QuestionOrder.SHUFFLE, false);
    }

    /** Whether questions come from bank files rather than the arithmetic generator. */
    public boolean any() {
        return !files.isEmpty();
    }

    /** The format {@code file} is read in: {@code --bank-format}, else its extension's. */
    public BankFormat formatOf(Path file) {
        return format.or(() -> BankFormat.fromFileName(file.getFileName().toString())).orElseThrow();
    }

    public QuestionBanks withFiles(List<Path> value) {
        return new QuestionBanks(value, format, category, order, repeat);
    }

    public QuestionBanks withCategory(String value) {
        return new QuestionBanks(files, format, Optional.of(value), order, repeat);
    }

    public QuestionBanks withOrder(QuestionOrder value) {
        return new QuestionBanks(files, format, category, value, repeat);
    }

    public QuestionBanks withRepeat(boolean value) {
        return new QuestionBanks(files, format, category, order, value);
    }
}
