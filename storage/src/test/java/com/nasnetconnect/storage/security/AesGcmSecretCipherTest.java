package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmSecretCipherTest {
    @TempDir Path dir;

    @Test
    void sealsAndOpensARouterPasswordWithoutShowingItInTheSealedText() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        String sealed = cipher.seal(Secret.of("r0uter-Pässword"));
        assertThat(sealed).startsWith("v1:" + cipher.currentKeyId() + ":").doesNotContain("r0uter");
        assertThat(cipher.open(sealed).reveal()).isEqualTo("r0uter-Pässword");
    }

    @Test
    void usesAFreshNonceForEverySeal() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        assertThat(cipher.seal(Secret.of("same"))).isNotEqualTo(cipher.seal(Secret.of("same")));
    }

    @Test
    void createsTheKeyFileReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        AesGcmSecretCipher first = AesGcmSecretCipher.fromDataDir(dir.resolve("data"), Map.of());
        Path file = dir.resolve("data").resolve(AesGcmSecretCipher.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal(Secret.of("kept"));
        AesGcmSecretCipher second = AesGcmSecretCipher.fromDataDir(dir.resolve("data"), Map.of());
        assertThat(second.open(sealed).reveal()).isEqualTo("kept");
    }

    @Test
    void refusesAKeyFileReadableByOthers() throws Exception {
        AesGcmSecretCipher.fromDataDir(dir, Map.of());
        Path file = dir.resolve(AesGcmSecretCipher.KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AesGcmSecretCipher.fromDataDir(dir, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
    }

    @Test
    void takesTheKeyFromTheEnvironmentAndWritesNoKeyFile() {
        byte[] key = new byte[32];
        key[0] = 7;
        String b64 = Base64.getEncoder().encodeToString(key);
        AesGcmSecretCipher a = AesGcmSecretCipher.fromDataDir(dir, Map.of(AesGcmSecretCipher.ENV_KEY, b64));
        AesGcmSecretCipher b = AesGcmSecretCipher.ofKey(key);
        assertThat(b.open(a.seal(Secret.of("x"))).reveal()).isEqualTo("x");
        assertThat(dir.resolve(AesGcmSecretCipher.KEY_FILE)).doesNotExist();
        assertThat(a.rotatable()).isFalse();
    }

    @Test
    void rejectsAnEnvironmentKeyOfTheWrongLengthWithoutEchoingIt() {
        String bad = Base64.getEncoder().encodeToString("short-key-material".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AesGcmSecretCipher.fromDataDir(dir, Map.of(AesGcmSecretCipher.ENV_KEY, bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NNC_SECRET_KEY").hasMessageContaining("18")
                .hasMessageNotContaining(bad);
        assertThatThrownBy(() -> AesGcmSecretCipher.fromDataDir(dir, Map.of(AesGcmSecretCipher.ENV_KEY, "%%not-b64%%")))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("%%not-b64%%");
    }

    @Test
    void refusesTamperedCiphertextAndSwappedHeaders() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        String sealed = cipher.seal(Secret.of("secret"));
        byte[] data = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        data[data.length - 1] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(data);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.open("v1:deadbeef:AAAA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'deadbeef'");
        assertThatThrownBy(() -> cipher.open("plain-text-password")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sealed secret").hasMessageNotContaining("plain-text-password");
    }

    @Test
    void refusesASecretSealedByAnotherKey() {
        String sealed = AesGcmSecretCipher.fromDataDir(dir.resolve("a"), Map.of()).seal(Secret.of("s"));
        AesGcmSecretCipher other = AesGcmSecretCipher.fromDataDir(dir.resolve("b"), Map.of());
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key");
    }

    @Test
    void rotationResealsEverySecretAndRetiresTheOldKey() throws Exception {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        String oldId = cipher.currentKeyId();
        List<String> store = new ArrayList<>(List.of(cipher.seal(Secret.of("one")), cipher.seal(Secret.of("two"))));
        String before = store.get(0);

        AesGcmSecretCipher.Rotation r = cipher.rotate(List.of(reseal -> {
            store.replaceAll(reseal);
            return store.size();
        }));

        assertThat(r.resealed()).isEqualTo(2);
        assertThat(r.retiredKeyIds()).containsExactly(oldId);
        assertThat(r.newKeyId()).isEqualTo(cipher.currentKeyId()).isNotEqualTo(oldId);
        assertThat(store).allMatch(s -> s.startsWith("v1:" + r.newKeyId() + ":"));
        AesGcmSecretCipher reloaded = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        assertThat(reloaded.open(store.get(0)).reveal()).isEqualTo("one");
        assertThat(reloaded.open(store.get(1)).reveal()).isEqualTo("two");
        assertThatThrownBy(() -> reloaded.open(before)).hasMessageContaining("unknown key '" + oldId + "'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(AesGcmSecretCipher.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFailedRotationKeepsTheOldKeySoNothingIsLost() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        String sealed = cipher.seal(Secret.of("survivor"));
        assertThatThrownBy(() -> cipher.rotate(List.of(reseal -> {
            throw new IllegalStateException("disk full");
        }))).hasMessage("disk full");
        assertThat(AesGcmSecretCipher.fromDataDir(dir, Map.of()).open(sealed).reveal()).isEqualTo("survivor");
    }

    @Test
    void refusesToRotateAnEnvironmentKey() {
        String b64 = Base64.getEncoder().encodeToString(new byte[32]);
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of(AesGcmSecretCipher.ENV_KEY, b64));
        assertThatThrownBy(() -> cipher.rotate(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NNC_SECRET_KEY");
    }

    @Test
    void aRunningInstancePicksUpARotationDoneByAnotherProcess() {
        AesGcmSecretCipher server = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        List<String> store = new ArrayList<>(List.of(server.seal(Secret.of("router"))));
        AesGcmSecretCipher tool = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        AesGcmSecretCipher.Rotation r = tool.rotate(List.of(reseal -> {
            store.replaceAll(reseal);
            return 1;
        }));
        assertThat(server.open(store.getFirst()).reveal()).isEqualTo("router");
        assertThat(server.seal(Secret.of("new"))).startsWith("v1:" + r.newKeyId() + ":");
        assertThat(server.currentKeyId()).isEqualTo(r.newKeyId());
    }
}
