package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void generated_key_is_p256_from_the_jdk_and_matches_only_its_own_private_key() {
        var one = Keys.generateEc();
        var other = Keys.generateEc();

        assertThat(one.getPublic()).isInstanceOf(ECPublicKey.class);
        assertThat(Keys.isP256(one.getPublic())).isTrue();
        assertThat(((ECPublicKey) one.getPublic()).getParams().toString()).contains("secp256r1");
        assertThat(one.getPrivate().getFormat()).isEqualTo("PKCS#8");
        assertThat(Keys.matches(one.getPrivate(), one.getPublic())).isTrue();
        assertThat(Keys.matches(one.getPrivate(), other.getPublic())).isFalse();
    }
}
