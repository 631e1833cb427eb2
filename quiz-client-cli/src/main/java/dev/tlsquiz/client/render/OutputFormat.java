package dev.tlsquiz.client.render;

/** How {@code quiz play} reports a session on stdout. */
public enum OutputFormat {
    /** Lines for people, with the verdict symbols and a summary table. */
    TEXT,
    /** One JSON object per line and per event, for scripts; nothing else on stdout. */
    JSON;

    private static final String OPTION = "--output";

    /**
     * The format {@code args} ask for, read before (or without) picocli: a usage error still owes a
     * script its JSON {@code error} event, even when picocli stopped before it reached {@code --output}.
     * The last {@code --output} wins; anything but {@code json} is text.
     */
    public static OutputFormat requestedIn(String... args) {
        OutputFormat format = TEXT;
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith(OPTION + "=")) {
                value = args[i].substring(OPTION.length() + 1);
            }
            if (value != null) {
                format = value.strip().equalsIgnoreCase("json") ? JSON : TEXT;
            }
        }
        return format;
    }
}
