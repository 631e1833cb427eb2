package dev.tlsquiz.bank;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads Moodle's GIFT format (docs.moodle.org, "GIFT format"): questions separated by blank lines,
 * {@code //} comment lines, {@code ::title::}, {@code $CATEGORY: a/b}, the format markers
 * {@code [html]} (tags removed, see {@link HtmlText}), {@code [markdown]}, {@code [plain]} and
 * {@code [moodle]} (removed, text kept as written), the escapes of {@link GiftChunk#unescaped}, and one
 * answer block {@code {...}} anywhere in the text (text after it makes a "missing word" question, shown
 * with {@code _____} in the answer's place). The answer block is read by {@link GiftAnswerBlock}.
 *
 * <p>A question with a mistake is an error at its line and column, and reading goes on at the next
 * blank line, so one run reports every broken question. Questions a terminal quiz cannot ask (essay
 * {@code {}}, matching {@code ->}, description without a block) are skipped with a warning.
 *
 * <p>Hand-written and iterative: a lexer over characters with escape handling ({@link GiftChunk}) and
 * a few positions per question; nothing recurses, so no input can exhaust the stack.
 */
public final class GiftParser {

    private static final String CATEGORY = "$CATEGORY:";
    private static final List<String> FORMAT_MARKERS = List.of("[html]", "[markdown]", "[plain]", "[moodle]");

    private final BankLimits limits;
    private final Diagnostics diagnostics;
    private final QuestionCollector questions;
    private String category = "";

    private GiftParser(BankLimits limits, Diagnostics diagnostics) {
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.questions = new QuestionCollector(limits, diagnostics);
    }

    /** The questions of a GIFT text (already decoded, see {@link BankReader}), with errors and warnings. */
    public static ParsedBank parse(String text, BankLimits limits) {
        Diagnostics diagnostics = new Diagnostics();
        GiftParser parser = new GiftParser(limits, diagnostics);
        parser.parseAll(text);
        return parser.questions.result();
    }

    private void parseAll(String text) {
        LineIndex lines = new LineIndex(text);
        StringBuilder chunk = new StringBuilder();
        int[] offsets = new int[64];
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineBreak = lineStart;
            while (lineBreak < text.length() && !LineIndex.endsLine(text, lineBreak)) {
                lineBreak++;
            }
            int contentEnd = lineBreak;
            while (contentEnd > lineStart && (text.charAt(contentEnd - 1) == '\r' || text.charAt(contentEnd - 1) == '\n')) {
                contentEnd--;
            }
            String line = text.substring(lineStart, contentEnd);
            if (line.isBlank()) {
                if (!flush(chunk, offsets, lines)) {
                    return;
                }
            } else if (!line.stripLeading().startsWith("//")) {
                if (chunk.length() > 0) {
                    offsets = append(chunk, offsets, '\n', lineStart - 1);
                }
                for (int i = lineStart; i < contentEnd; i++) {
                    offsets = append(chunk, offsets, text.charAt(i), i);
                }
            }
            if (lineBreak >= text.length()) {
                break;
            }
            lineStart = lineBreak + 1;
        }
        flush(chunk, offsets, lines);
    }

    private static int[] append(StringBuilder chunk, int[] offsets, char c, int offset) {
        int[] grown = chunk.length() == offsets.length ? Arrays.copyOf(offsets, offsets.length * 2) : offsets;
        grown[chunk.length()] = offset;
        chunk.append(c);
        return grown;
    }

    /** Parses the chunk gathered so far, if any; false once the question limit stops the reading. */
    private boolean flush(StringBuilder chunk, int[] offsets, LineIndex lines) {
        if (chunk.length() == 0) {
            return true;
        }
        GiftChunk gift = new GiftChunk(chunk.toString(), Arrays.copyOf(offsets, chunk.length()), lines);
        chunk.setLength(0);
        try {
            Optional<Question> question = parseQuestion(gift);
            if (question.isPresent()) {
                return questions.add(question.get());
            }
        } catch (GiftSyntaxException e) {
            diagnostics.error(gift.position(e.index()), e.getMessage());
        }
        return true;
    }

    private Optional<Question> parseQuestion(GiftChunk chunk) throws GiftSyntaxException {
        int end = chunk.length();
        int i = chunk.skipWhitespace(0, end);
        if (chunk.startsWith(CATEGORY, i)) {
            int lineEnd = chunk.findUnescaped('\n', i, end);
            lineEnd = lineEnd < 0 ? end : lineEnd;
            category = chunk.raw(i + CATEGORY.length(), lineEnd).strip();
            i = chunk.skipWhitespace(lineEnd, end);
            if (i == end) {
                return Optional.empty();
            }
        }
        int start = i;
        String title = "";
        if (chunk.startsWith("::", i)) {
            int close = chunk.findUnescapedRun(':', 2, i + 2, end);
            if (close < 0) {
                throw new GiftSyntaxException(i, "title not closed: write ::title:: before the question text");
            }
            title = chunk.unescaped(i + 2, close);
            i = chunk.skipWhitespace(close + 2, end);
        }
        String marker = "";
        for (String candidate : FORMAT_MARKERS) {
            if (chunk.startsWith(candidate, i)) {
                marker = candidate;
                i += candidate.length();
                break;
            }
        }
        int open = chunk.findUnescaped('{', i, end);
        if (open < 0) {
            diagnostics.warning(chunk.position(start), "skipped a description (no answer block {...}); "
                    + "a quiz question needs one");
            return Optional.empty();
        }
        refuseStrayClose(chunk, i, open);
        int close = findClose(chunk, open, end);
        int second = chunk.findUnescaped('{', close + 1, end);
        if (second >= 0) {
            throw new GiftSyntaxException(second, "a second answer block; a question has one {...} (write \\{ for a "
                    + "literal brace)");
        }
        refuseStrayClose(chunk, close + 1, end);
        String text = questionText(chunk.unescaped(i, open), chunk.unescaped(close + 1, end), marker);
        GiftAnswerBlock block = new GiftAnswerBlock(chunk, open, close, limits.maxChoices(), diagnostics);
        QuestionHeader header = new QuestionHeader(text, title, category, block.generalFeedback(), 0,
                chunk.position(start));
        Optional<Question> question = block.parse(header, chunk.position(start));
        if (question.isPresent() && text.isEmpty()) {
            throw new GiftSyntaxException(open, "the question has no text; write it before the answer block");
        }
        return question;
    }

    private static int findClose(GiftChunk chunk, int open, int end) throws GiftSyntaxException {
        for (int j = open + 1; j < end; j++) {
            char c = chunk.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '{') {
                throw new GiftSyntaxException(j, "'{' inside an answer block; close the block with '}' first, or "
                        + "write \\{ for a literal brace");
            } else if (c == '}') {
                return j;
            }
        }
        throw new GiftSyntaxException(open, "unclosed '{': the answer block needs a '}' before the next blank line");
    }

    private static void refuseStrayClose(GiftChunk chunk, int from, int to) throws GiftSyntaxException {
        int stray = chunk.findUnescaped('}', from, to);
        if (stray >= 0) {
            throw new GiftSyntaxException(stray, "'}' without '{'; write \\} for a literal brace");
        }
    }

    private static String questionText(String before, String after, String marker) {
        String text = after.isEmpty() ? before : (before + " _____ " + after).strip();
        return marker.equals("[html]") ? HtmlText.toPlain(text) : text;
    }
}
