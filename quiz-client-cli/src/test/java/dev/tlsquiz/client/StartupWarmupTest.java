package dev.tlsquiz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupWarmupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--auto|false",
        "--tls-provider jdk|true",
        "--tls-provider=jdk|true",
        "--tls-provider=JDK --auto|true",
        "--tls-provider openssl|false",
        "--tls-provider=auto|false",
        "--tls-provider|false",
        "-- --tls-provider=jdk|false",
        "--name jdk|false",
    })
    void asksForJdkProvider_whenArgsName_thenOnlyTheJdkProviderCounts(String line, boolean expected) {
        assertEquals(expected, StartupWarmup.asksForJdkProvider(line.split(" ")));
    }
}
