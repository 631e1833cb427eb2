package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.HostCommand.Action;
import org.junit.jupiter.api.Test;

class HostInputTest {

    @Test
    void parse_whenEachCommand_thenItsAction() {
        assertEquals(new HostInput.Send(HostCommand.of(Action.START)), HostInput.parse("start"));
        assertEquals(new HostInput.Send(HostCommand.of(Action.NEXT)), HostInput.parse("  NEXT "));
        assertEquals(new HostInput.Send(HostCommand.of(Action.PAUSE)), HostInput.parse("Pause"));
        assertEquals(new HostInput.Send(HostCommand.of(Action.RESUME)), HostInput.parse("resume"));
        assertEquals(new HostInput.Send(HostCommand.of(Action.END)), HostInput.parse("end"));
        assertInstanceOf(HostInput.Help.class, HostInput.parse("help"));
        assertInstanceOf(HostInput.Help.class, HostInput.parse("?"));
        assertInstanceOf(HostInput.Blank.class, HostInput.parse("   "));
    }

    @Test
    void parse_whenKick_thenTheNameAsTypedWithInnerSpaces() {
        assertEquals(new HostInput.Send(new HostCommand(Action.KICK, "Zoë van Dijk")),
                HostInput.parse("kick   Zoë van Dijk  "));
        assertEquals(new HostInput.Send(new HostCommand(Action.KICK, "bo")), HostInput.parse("kick\tbo"));
    }

    @Test
    void parse_whenWrong_thenWhatToType() {
        assertTrue(((HostInput.Invalid) HostInput.parse("kick")).reason().contains("kick whom?"));
        assertTrue(((HostInput.Invalid) HostInput.parse("start now")).reason().contains("type start alone"));
        String unknown = ((HostInput.Invalid) HostInput.parse("x".repeat(10_000))).reason();
        assertTrue(unknown.startsWith("unknown command 'xxx"), unknown);
        assertTrue(unknown.length() < 200, "bounded: " + unknown.length());
    }
}
