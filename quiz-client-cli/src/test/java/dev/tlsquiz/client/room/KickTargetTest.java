package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A kick names the player as the lobby shows them: cut to 24 characters, sanitised. */
class KickTargetTest {

    private static final String LONG = "a-name-far-longer-than-the-lobby-shows-it-to-the-host";

    @Test
    void resolve_whenTypedAsTheLobbyCutsALongName_thenThePlayersOwnName() {
        String shown = LONG.substring(0, 23) + "\u2026";

        assertEquals(LONG, KickTarget.resolve(shown, List.of("ada", LONG)));
    }

    @Test
    void resolve_whenTypedAsTheLobbyShowsAControlCharacter_thenThePlayersOwnName() {
        String hostile = "bo\u001b[2Jb";
        String shown = dev.tlsquiz.client.render.ShownName.of(hostile);

        assertEquals(hostile, KickTarget.resolve(shown, List.of(hostile, "ada")));
    }

    @Test
    void resolve_whenTheShownFormFitsTwoPlayers_thenTheTypedTextAsItIs() {
        String shown = LONG.substring(0, 23) + "\u2026";

        assertEquals(shown, KickTarget.resolve(shown, List.of(LONG, LONG + "-2")));
    }

    @Test
    void resolve_whenAnExactName_thenThatName() {
        assertEquals("ada", KickTarget.resolve("ada", List.of("ada", "bob")));
        assertEquals("zed", KickTarget.resolve("zed", List.of("ada", "bob")));
    }
}
