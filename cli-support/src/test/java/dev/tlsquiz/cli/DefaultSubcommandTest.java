package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultSubcommandTest {

    private static final Set<String> COMMANDS = Set.of("serve", "certs", "help");

    @Test
    void apply_whenNoCommandIsGiven_thenTheDefaultIsPutInFront() {
        assertArrayEquals(new String[] {"serve", "--port", "4000"},
                DefaultSubcommand.apply("serve", COMMANDS, "--port", "4000"));
        assertArrayEquals(new String[] {"serve"}, DefaultSubcommand.apply("serve", COMMANDS));
        assertArrayEquals(new String[] {"serve", "--port", "1", "--help"},
                DefaultSubcommand.apply("serve", COMMANDS, "--port", "1", "--help"));
    }

    @Test
    void apply_whenACommandOrARootOptionComesFirst_thenUnchanged() {
        assertArrayEquals(new String[] {"certs", "init"}, DefaultSubcommand.apply("serve", COMMANDS, "certs", "init"));
        assertArrayEquals(new String[] {"--help"}, DefaultSubcommand.apply("serve", COMMANDS, "--help"));
        assertArrayEquals(new String[] {"-V"}, DefaultSubcommand.apply("serve", COMMANDS, "-V"));
    }
}
