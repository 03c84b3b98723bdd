package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WireGuardKeysTest {

    private static String b64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Test
    void derivesThePublicKeyOfTheRfc7748AliceVector() {
        String priv = b64("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        String pub = b64("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(WireGuardKeys.publicKey(priv)).isEqualTo(pub);
    }

    @Test
    void derivesThePublicKeyOfTheRfc7748BobVector() {
        String priv = b64("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        String pub = b64("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertThat(WireGuardKeys.publicKey(priv)).isEqualTo(pub);
    }

    @Test
    void generatesClampedKeysThatDeriveConsistently() {
        String priv = WireGuardKeys.generatePrivateKey();
        byte[] k = Base64.getDecoder().decode(priv);
        assertThat(k).hasSize(32);
        assertThat(k[0] & 7).isZero();
        assertThat(k[31] & 0x80).isZero();
        assertThat(k[31] & 0x40).isEqualTo(0x40);
        assertThat(WireGuardKeys.publicKey(priv)).isEqualTo(WireGuardKeys.publicKey(priv)).hasSize(44);
    }

    @Test
    void rejectsKeysOfTheWrongSizeWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> WireGuardKeys.publicKey(shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be 32 bytes, got 16");
        assertThatThrownBy(() -> WireGuardKeys.publicKey("not base64!"))
                .hasMessage("key is not valid base64");
    }
}
