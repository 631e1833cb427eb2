package dev.tlsquiz.client.room;

import dev.tlsquiz.client.render.ShownName;
import java.util.List;

/**
 * Whom {@code kick NAME} means. The host types the name as the lobby shows it, and the lobby shows a
 * name sanitised and cut to a table's width, while the server kicks by the exact name: a long name,
 * or one with characters the terminal cannot show, would otherwise be out of the host's reach.
 */
final class KickTarget {

    private KickTarget() {
    }

    /**
     * The player's own name when {@code typed} is exactly one lobby name as the lobby shows it; else
     * {@code typed} as it is (an exact name, or one the server will say it does not know).
     */
    static String resolve(String typed, List<String> lobbyNames) {
        if (lobbyNames.contains(typed)) {
            return typed;
        }
        List<String> shownAsTyped = lobbyNames.stream().filter(name -> ShownName.of(name).equals(typed))
                .distinct().limit(2).toList();
        return shownAsTyped.size() == 1 ? shownAsTyped.get(0) : typed;
    }
}
