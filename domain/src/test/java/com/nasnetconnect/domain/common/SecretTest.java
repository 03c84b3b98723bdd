package com.nasnetconnect.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecretTest {
    private final AtomicInteger opened = new AtomicInteger();

    private Secret sealed(String sealedForm, String value) {
        return Secret.sealed(sealedForm, () -> {
            opened.incrementAndGet();
            return value;
        });
    }

    @Test
    void secretsAreEqualByValueAndNeverShowIt() {
        assertThat(Secret.of("pw")).isEqualTo(Secret.of("pw")).isNotEqualTo(Secret.of("pw2"));
        assertThat(Secret.of("pw")).hasToString("******");
        assertThat(Secret.of("pw").hashCode()).isEqualTo(Secret.of("other").hashCode());
    }

    @Test
    void twoSecretsWithTheSameSealedFormAreEqualWithoutOpeningEither() {
        assertThat(sealed("AAA", "pw")).isEqualTo(sealed("AAA", "pw"));
        assertThat(opened).hasValue(0);
    }

    @Test
    void differentSealedFormsAreComparedByTheirValues() {
        assertThat(sealed("AAA", "pw")).isEqualTo(sealed("BBB", "pw"));
        assertThat(opened).hasValue(2);
        assertThat(sealed("CCC", "pw")).isNotEqualTo(sealed("DDD", "other"));
        assertThat(sealed("EEE", "pw")).isEqualTo(Secret.of("pw")).isNotEqualTo(Secret.of("nope"));
    }

    @Test
    void anEndpointHoldingASealedSecretIsFoundAgainWithoutADecryption() {
        var pools = new HashMap<Object, String>();
        pools.put(new Key("10.0.0.1", sealed("AAA", "pw")), "pool");
        assertThat(pools.get(new Key("10.0.0.1", sealed("AAA", "pw")))).isEqualTo("pool");
        assertThat(opened).hasValue(0);
        assertThat(pools.get(new Key("10.0.0.1", Secret.of("changed")))).as("a changed password is another key").isNull();
    }

    private record Key(String host, Secret password) {
    }
}
