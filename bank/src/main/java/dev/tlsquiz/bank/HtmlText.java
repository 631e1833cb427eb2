package dev.tlsquiz.bank;

import java.util.Map;

/**
 * The text of a GIFT {@code [html]} question for a terminal: tags removed ({@code <br>} and paragraph
 * ends become line breaks) and the common entities decoded. Moodle exports every question as
 * {@code [html]<p>...</p>}, so keeping the tags would show markup to every player; a full HTML renderer
 * is not needed for the short texts of a quiz. One linear pass, no regular expressions.
 */
final class HtmlText {

    private static final Map<String, String> ENTITIES = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "#39", "'", "nbsp", " ");
    private static final int MAX_ENTITY_CHARS = 8;

    private HtmlText() {
    }

    static String toPlain(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                if (end < 0) {
                    out.append(html, i, html.length());
                    break;
                }
                if (breaksLine(html.substring(i + 1, end))) {
                    out.append('\n');
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i + 1);
                String entity = end < 0 || end - i - 1 > MAX_ENTITY_CHARS ? null : ENTITIES.get(html.substring(i + 1, end));
                if (entity == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(entity);
                    i = end + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip();
    }

    private static boolean breaksLine(String tag) {
        String name = tag.strip().toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("br") || name.equals("/p") || name.equals("/div") || name.equals("/li");
    }
}
