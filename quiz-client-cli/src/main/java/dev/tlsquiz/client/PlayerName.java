package dev.tlsquiz.client;

/**
 * The {@code --name} a player or host goes by. Each command declares its own {@code --name} (its help
 * says what the name is for there); the check and the default are the same everywhere, so they live here.
 */
public final class PlayerName {

    private PlayerName() {
    }

    /**
     * Checks a given {@code --name}.
     *
     * @param given the option's value, or {@code null} when it was not given
     * @return a usage message, or {@code null} when the name is fine
     */
    public static String problem(String given) {
        return given != null && given.isBlank() ? "--name must not be empty" : null;
    }

    /**
     * The name to go by: the given one without surrounding blanks, else the user name, else
     * {@code fallback} when the system knows no user name.
     */
    public static String resolve(String given, String fallback) {
        if (given != null) {
            return given.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? fallback : user;
    }
}
