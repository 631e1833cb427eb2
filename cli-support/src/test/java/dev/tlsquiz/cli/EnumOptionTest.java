package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class EnumOptionTest {

    enum Peer { QUIZ, ECHO, TLS_ONLY }

    static final class Peers extends EnumOption<Peer> {
        Peers() {
            super(Peer.class);
        }
    }

    @Test
    void names_whenListed_thenLowerCaseWithDashesInDeclarationOrder() {
        List<String> names = new ArrayList<>();
        new Peers().forEach(names::add);
        assertEquals(List.of("quiz", "echo", "tls-only"), names);
    }

    @Test
    void convert_whenAnyCase_thenTheConstant() {
        assertEquals(Peer.TLS_ONLY, new Peers().convert(" TLS-Only "));
        assertEquals(Peer.QUIZ, new Peers().convert("quiz"));
    }

    @Test
    void convert_whenUnknown_thenListsTheNames() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new Peers().convert("tls_only"));
        assertEquals("'tls_only' (expected: quiz, echo or tls-only)", e.getMessage());
    }
}
