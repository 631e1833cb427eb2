package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One GIFT answer block, the text between {@code {} and {@code }}, read into a question:
 *
 * <ul>
 *   <li>empty: essay, skipped with a warning;</li>
 *   <li>{@code T}, {@code TRUE}, {@code F}, {@code FALSE} (any case), then up to two {@code #feedback}:
 *       the first for a wrong answer, the second for a right one (Moodle's order);</li>
 *   <li>{@code #...}: numerical, one value ({@code #42}, {@code #3.14:0.01}, {@code #1..5}, then an
 *       optional {@code #feedback}) or several ({@code #=42 =%50%40..44 #close});</li>
 *   <li>answers starting with {@code =} (right) or {@code ~} (wrong), each with an optional weight
 *       {@code %50%} (-100..100) and {@code #feedback}: with a {@code ~} among them, multiple choice (one
 *       right choice, weight above 0: one choice; several: several choices); only {@code =}: short answer;
 *       a {@code ->} in them: matching, skipped with a warning.</li>
 * </ul>
 *
 * A trailing {@code ####feedback} is the general feedback, kept in {@link QuestionHeader#generalFeedback()}.
 */
final class GiftAnswerBlock {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern WEIGHT = Pattern.compile("-?[0-9]{1,3}(?:\\.[0-9]{1,10})?");

    private final GiftChunk chunk;
    private final int open;
    private final int end;
    private final String generalFeedback;
    private final Diagnostics diagnostics;
    private final int maxAnswers;

    /** One {@code =}/{@code ~} item: its marker's index, text range, weight and feedback. */
    private record Item(int at, char marker, int textFrom, int textTo, BigDecimal weight, String feedback) {
    }

    /** @param maxAnswers more answers than this is an error as soon as it is seen, not after reading them all */
    GiftAnswerBlock(GiftChunk chunk, int open, int close, int maxAnswers, Diagnostics diagnostics) {
        this.chunk = chunk;
        this.maxAnswers = maxAnswers;
        this.open = open;
        this.diagnostics = diagnostics;
        int general = chunk.findUnescapedRun('#', 4, open + 1, close);
        this.end = general < 0 ? close : general;
        this.generalFeedback = general < 0 ? "" : chunk.unescaped(general + 4, close);
    }

    String generalFeedback() {
        return generalFeedback;
    }

    /** The question, or empty when it is of a kind that is skipped (the warning is reported). */
    Optional<Question> parse(QuestionHeader header, SourcePosition start) throws GiftSyntaxException {
        int i = chunk.skipWhitespace(open + 1, end);
        if (i == end) {
            diagnostics.warning(start, "skipped an essay question ({}); a quiz can only ask questions it can judge");
            return Optional.empty();
        }
        if (chunk.charAt(i) == '#') {
            return Optional.of(numerical(header, i + 1));
        }
        if (chunk.charAt(i) != '=' && chunk.charAt(i) != '~') {
            return Optional.of(trueFalse(header, i));
        }
        List<Item> items = items(i, Weights.FULL, Weights.NONE);
        for (Item item : items) {
            if (chunk.raw(item.textFrom(), item.textTo()).contains("->")) {
                diagnostics.warning(start, "skipped a matching question (->); a terminal quiz cannot ask it");
                return Optional.empty();
            }
        }
        if (items.stream().allMatch(item -> item.marker() == '=')) {
            return Optional.of(shortAnswer(header, items));
        }
        List<Choice> choices = new ArrayList<>();
        for (Item item : items) {
            choices.add(new Choice(chunk.unescaped(item.textFrom(), item.textTo()), item.weight(), item.feedback()));
        }
        long right = choices.stream().filter(Choice::right).count();
        if (right == 0) {
            throw new GiftSyntaxException(open, "no right answer: mark one with '=' or give right choices a "
                    + "positive weight, such as ~%50%");
        }
        return Optional.of(right == 1 ? new OneChoiceQuestion(header, choices) : new SeveralChoicesQuestion(header, choices));
    }

    private Question trueFalse(QuestionHeader header, int i) throws GiftSyntaxException {
        int hash = chunk.findUnescaped('#', i, end);
        int wordEnd = hash < 0 ? end : hash;
        String word = chunk.unescaped(i, wordEnd).toUpperCase(Locale.ROOT);
        boolean truth;
        switch (word) {
            case "T", "TRUE" -> truth = true;
            case "F", "FALSE" -> truth = false;
            default -> throw new GiftSyntaxException(i, "an answer starts with '=' (right) or '~' (wrong); "
                    + "for true/false write {T} or {F}");
        }
        String whenWrong = "";
        String whenRight = "";
        if (hash >= 0) {
            int second = chunk.findUnescaped('#', hash + 1, end);
            whenWrong = chunk.unescaped(hash + 1, second < 0 ? end : second);
            if (second >= 0) {
                int third = chunk.findUnescaped('#', second + 1, end);
                if (third >= 0) {
                    throw new GiftSyntaxException(third, "true/false takes at most two feedbacks: "
                            + "{T#when wrong#when right}");
                }
                whenRight = chunk.unescaped(second + 1, end);
            }
        }
        return new TrueFalseQuestion(header, truth, whenWrong, whenRight);
    }

    private Question shortAnswer(QuestionHeader header, List<Item> items) throws GiftSyntaxException {
        List<ShortAnswerQuestion.AcceptedText> answers = new ArrayList<>();
        for (Item item : items) {
            answers.add(new ShortAnswerQuestion.AcceptedText(chunk.unescaped(item.textFrom(), item.textTo()),
                    item.weight(), item.feedback()));
        }
        if (answers.stream().noneMatch(ShortAnswerQuestion.AcceptedText::right)) {
            throw new GiftSyntaxException(open, "no right answer: give at least one answer a positive weight");
        }
        return new ShortAnswerQuestion(header, answers);
    }

    private Question numerical(QuestionHeader header, int from) throws GiftSyntaxException {
        int i = chunk.skipWhitespace(from, end);
        List<Item> items;
        if (i < end && (chunk.charAt(i) == '=' || chunk.charAt(i) == '~')) {
            items = items(i, Weights.FULL, Weights.NONE);
        } else {
            int hash = chunk.findUnescaped('#', i, end);
            String feedback = hash < 0 ? "" : chunk.unescaped(hash + 1, end);
            items = List.of(new Item(i, '=', i, hash < 0 ? end : hash, Weights.FULL, feedback));
        }
        List<NumericalQuestion.NumericAnswer> answers = new ArrayList<>();
        for (Item item : items) {
            answers.add(numericAnswer(item));
        }
        if (answers.stream().noneMatch(a -> a.weight().signum() > 0)) {
            throw new GiftSyntaxException(open, "no right answer: give at least one value a positive weight");
        }
        return new NumericalQuestion(header, answers);
    }

    private NumericalQuestion.NumericAnswer numericAnswer(Item item) throws GiftSyntaxException {
        String text = chunk.unescaped(item.textFrom(), item.textTo());
        int at = item.textFrom();
        if (text.isEmpty()) {
            throw new GiftSyntaxException(item.at(), "empty numerical answer; write a number, such as {#42}");
        }
        int range = text.indexOf("..");
        if (range >= 0) {
            BigDecimal min = number(text.substring(0, range), at);
            BigDecimal max = number(text.substring(range + 2), at);
            if (min.compareTo(max) > 0) {
                throw new GiftSyntaxException(at, "range " + Quoted.shorten(text) + " runs backwards; write the lower bound first");
            }
            return NumericalQuestion.NumericAnswer.between(min, max, item.weight(), item.feedback());
        }
        int colon = text.indexOf(':');
        BigDecimal value = number(colon < 0 ? text : text.substring(0, colon), at);
        BigDecimal tolerance = colon < 0 ? BigDecimal.ZERO : number(text.substring(colon + 1), at);
        if (tolerance.signum() < 0) {
            throw new GiftSyntaxException(at, "tolerance " + tolerance.toPlainString() + " is negative; write it "
                    + "without a sign, such as {#3.14:0.01}");
        }
        return NumericalQuestion.NumericAnswer.around(value, tolerance, item.weight(), item.feedback());
    }

    private static BigDecimal number(String text, int at) throws GiftSyntaxException {
        String trimmed = text.strip();
        if (trimmed.length() > AnswerForms.MAX_NUMBER_CHARS || !NUMBER.matcher(trimmed).matches()) {
            throw new GiftSyntaxException(at, "'" + Quoted.shorten(trimmed) + "' is not a number; write digits with a "
                    + "decimal dot, such as 3.14");
        }
        return new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
    }

    /**
     * The {@code =}/{@code ~} items from {@code i} (at a marker) to the end of the block.
     *
     * @param right the weight of a {@code =} without {@code %w%}
     * @param wrong the weight of a {@code ~} without {@code %w%}
     */
    private List<Item> items(int i, BigDecimal right, BigDecimal wrong) throws GiftSyntaxException {
        List<Item> items = new ArrayList<>();
        while (i < end) {
            if (items.size() == maxAnswers) {
                throw new GiftSyntaxException(i, "more than " + maxAnswers + " answers in one block; a question has at most "
                        + maxAnswers);
            }
            char marker = chunk.charAt(i);
            int next = nextMarker(i + 1);
            int textFrom = chunk.skipWhitespace(i + 1, next);
            BigDecimal weight = marker == '=' ? right : wrong;
            if (textFrom < next && chunk.charAt(textFrom) == '%') {
                int closing = chunk.findUnescaped('%', textFrom + 1, next);
                if (closing < 0) {
                    throw new GiftSyntaxException(textFrom, "weight not closed; write it as %50%");
                }
                weight = weight(chunk.raw(textFrom + 1, closing).strip(), textFrom);
                textFrom = closing + 1;
            }
            int hash = chunk.findUnescaped('#', textFrom, next);
            int textTo = hash < 0 ? next : hash;
            if (chunk.unescaped(textFrom, textTo).isEmpty()) {
                throw new GiftSyntaxException(i, "empty answer after '" + marker + "'; write the answer, or "
                        + "escape the character as \\" + marker);
            }
            String feedback = hash < 0 ? "" : chunk.unescaped(hash + 1, next);
            items.add(new Item(i, marker, textFrom, textTo, weight, feedback));
            i = next;
        }
        return items;
    }

    /** The next unescaped '=' or '~' (one pass: a block of many answers stays linear), or the block's end. */
    private int nextMarker(int from) {
        int next = chunk.findUnescapedAny("=~", from, end);
        return next < 0 ? end : next;
    }

    private static BigDecimal weight(String text, int at) throws GiftSyntaxException {
        if (!WEIGHT.matcher(text).matches()) {
            throw new GiftSyntaxException(at, "weight %" + Quoted.shorten(text) + "% is not a percentage; write one "
                    + "from -100 to 100, such as %50%");
        }
        BigDecimal weight = new BigDecimal(text);
        if (!Weights.inRange(weight)) {
            throw new GiftSyntaxException(at, "weight %" + text + "% is outside -100..100");
        }
        return weight;
    }
}
