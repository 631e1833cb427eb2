package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"K7Q-2MF", "k7q-2mf", "k7q2mf", " K7Q2MF\n"})
    void parse_whenTypedAnyWay_thenTheCanonicalCode(String typed) {
        assertEquals(Optional.of("K7Q-2MF"), RoomCode.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7Q-2M", "K7Q-2MFF", "K0Q-2MF", "KIQ-2MF", "K7Q_2MF", "K7-Q2MF", "../../x", "K7Q-2M\u0000",
        "\u212A7Q-2MF"})
    void parse_whenNoCode_thenEmpty(String typed) {
        assertEquals(Optional.empty(), RoomCode.parse(typed));
    }

    @Test
    void whyNot_namesTheFormAndTheLettersLeftOut() {
        assertTrue(RoomCode.whyNot("K0Q").contains("such as K7Q-2MF"));
    }
}
