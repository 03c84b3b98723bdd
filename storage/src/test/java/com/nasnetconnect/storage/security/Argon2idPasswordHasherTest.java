package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idPasswordHasherTest {
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void verifiesTheRightPasswordAndRejectsAWrongOne() {
        String hash = hasher.hash(Secret.of("correct horse battery"));
        assertThat(hasher.verify(Secret.of("correct horse battery"), hash)).isTrue();
        assertThat(hasher.verify(Secret.of("correct horse batterY"), hash)).isFalse();
        assertThat(hasher.verify(Secret.of(""), hash)).isFalse();
    }

    @Test
    void storesAPhcStringWithOwaspParametersAndAFreshSaltEachTime() {
        String a = hasher.hash(Secret.of("same password"));
        String b = hasher.hash(Secret.of("same password"));
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
        assertThat(a.split("\\$")).hasSize(6);
        assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void verifiesWithTheParametersRecordedInTheHash() {
        String cheap = new Argon2idPasswordHasher(64, 1, 1).hash(Secret.of("from an older setting"));
        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(hasher.verify(Secret.of("from an older setting"), cheap)).isTrue();
    }

    @Test
    void verifiesTheArgon2idReferenceVectorOfThePhcWinnerImplementation() {
        // phc-winner-argon2 src/test.c: Argon2id v1.3, t=2, m=64 MiB, p=1, password "password", salt "somesalt"
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(hasher.verify(Secret.of("password"), reference)).isTrue();
        assertThat(hasher.verify(Secret.of("passwore"), reference)).isFalse();
    }

    @Test
    void treatsMalformedHashesAsAMismatchNotAnError() {
        assertThat(hasher.verify(Secret.of("x"), "")).isFalse();
        assertThat(hasher.verify(Secret.of("x"), "plaintext")).isFalse();
        assertThat(hasher.verify(Secret.of("x"), "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2g")).isFalse();
        assertThat(hasher.verify(Secret.of("x"), null)).isFalse();
    }
}
