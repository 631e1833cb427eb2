package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsquiz.tls.ClientAuthMode;
import dev.tlsquiz.tls.testing.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The naming rule case by case; {@link VerifiedNamesTest} drives it through real TLS. */
class PlayerIdentityTest {

    @TempDir
    Path dir;

    @Test
    void admit_underEveryMode_followsTheOneRule() {
        TestPki pki = TestPki.create(dir);
        Optional<X509Certificate> alice = Optional.of(pki.client().certificate());

        assertEquals(new PlayerIdentity("bob", false), PlayerIdentity.admit(ClientAuthMode.NONE, Optional.empty(), " bob"));
        // Under NONE no certificate was checked against a client CA: it vouches for nothing.
        assertEquals(new PlayerIdentity("bob", false), PlayerIdentity.admit(ClientAuthMode.NONE, alice, "bob"));
        assertEquals(new PlayerIdentity("~bob", false),
                PlayerIdentity.admit(ClientAuthMode.OPTIONAL, Optional.empty(), "bob"));
        assertEquals(new PlayerIdentity("alice", true), PlayerIdentity.admit(ClientAuthMode.OPTIONAL, alice, "bob"));
        assertEquals(new PlayerIdentity("alice", true), PlayerIdentity.admit(ClientAuthMode.REQUIRE, alice, "bob"));
        assertThrows(IllegalArgumentException.class,
                () -> PlayerIdentity.admit(ClientAuthMode.REQUIRE, Optional.empty(), "alice"));
    }
}
