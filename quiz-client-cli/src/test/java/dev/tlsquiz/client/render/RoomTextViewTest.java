package dev.tlsquiz.client.render;

import static dev.tlsquiz.tls.testing.HostileText.assertNothingForTheTerminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.tls.testing.HostileText;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoomTextViewTest {

    private static final List<Standings.Entry> TOP = List.of(new Standings.Entry(1, "bo", 1_200),
            new Standings.Entry(1, "cy", 1_200), new Standings.Entry(3, "ada", 900));

    @Test
    void standings_whenOwnLineIsInTheTop_thenItIsMarkedOnce() {
        List<RoomTextView.Line> lines = RoomTextView.standingsLines(new Standings(2, 2, 10, false, 3, TOP, 3, 900), "ada");

        assertEquals("Standings after question 2/10 (3 players)", lines.get(0).text());
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).highlighted() && lines.get(3).text().contains("ada") && lines.get(3).text().contains("you"));
        assertEquals(1, lines.stream().filter(RoomTextView.Line::highlighted).count());
        assertTrue(lines.get(1).text().contains("1,200"), lines.get(1).text());
    }

    @Test
    void standings_whenOwnRankIsBelowTheTop_thenAGapAndTheOwnLine() {
        List<RoomTextView.Line> lines = RoomTextView.standingsLines(
                new Standings(10, 10, 10, true, 120, TOP, 57, 300), "zed");

        assertEquals("Final standings (120 players)", lines.get(0).text());
        assertTrue(lines.get(4).text().contains("\u22EE"));
        RoomTextView.Line own = lines.get(5);
        assertTrue(own.highlighted() && own.text().contains("57.") && own.text().contains("zed"), own.text());
    }

    @Test
    void standings_forTheHostOrWithoutOwnRank_thenNoOwnLine() {
        assertFalse(RoomTextView.standingsLines(new Standings(1, 1, 3, false, 3, TOP, 0, 0), null).stream()
                .anyMatch(RoomTextView.Line::highlighted));
        assertFalse(RoomTextView.standingsLines(new Standings(1, 1, 3, false, 3, TOP, 0, 0), "ada").stream()
                .anyMatch(RoomTextView.Line::highlighted), "a STANDINGS without own line marks nobody");
    }

    @Test
    void hostile_whenNamesHoldEscapes_thenEveryLineIsSafeAndBounded() {
        List<Standings.Entry> entries = List.of(new Standings.Entry(1, HostileText.wrap("top"), 5),
                new Standings.Entry(2, "x".repeat(5_000), 4));
        String table = String.join("\n", RoomTextView.standingsLines(
                new Standings(1, 1, 1, true, 2, entries, 2, 4), HostileText.wrap("me")).stream()
                .map(RoomTextView.Line::text).toList());
        assertNothingForTheTerminal(table);
        assertTrue(table.lines().allMatch(line -> line.length() < 120), table);

        List<String> names = IntStream.range(0, 5_000).mapToObj(i -> HostileText.CLEAR_SCREEN + i).toList();
        String lobby = RoomTextView.lobbyLine(new Lobby(RoomState.LOBBY, 10_000, names));
        assertNothingForTheTerminal(lobby);
        assertTrue(lobby.startsWith("Lobby: 10,000 players: "), lobby);
        assertTrue(lobby.endsWith(" and 9,980 more"), lobby);
    }

    @Test
    void ordinal_inEnglish() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"),
                IntStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111).mapToObj(RoomTextView::ordinal).toList());
    }
}
