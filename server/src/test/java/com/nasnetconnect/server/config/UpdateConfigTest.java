package com.nasnetconnect.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.update.UpdateKeys;
import com.nasnetconnect.domain.update.UpdatePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NNC_UPDATE_*: defaults, the root key as a path or as text, and bad values named with their origin. */
class UpdateConfigTest {
    @TempDir Path dir;

    ServerConfig load(String... pairs) {
        var env = new java.util.HashMap<String, String>(Map.of("NNC_DATA_DIR", dir.toString()));
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return ServerConfig.load(env);
    }

    @Test
    void noRepositoryMeansNoChecksAndTheIssuesDefaults() {
        UpdateConfig u = load().updates();
        assertThat(u.url()).isEmpty();
        assertThat(u.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(u.quietFrom()).isEqualTo(LocalTime.of(2, 0));
        assertThat(u.quietUntil()).isEqualTo(LocalTime.of(6, 0));
        assertThat(u.policy()).isEqualTo(UpdatePolicy.AUTO);
        assertThat(u.metered()).isEmpty();
    }

    @Test
    void readsEverySettingAndTheRootKeyFromAFileOrItsText() throws Exception {
        var pair = UpdateKeys.generate();
        Path pub = dir.resolve("root.pub");
        Files.writeString(pub, UpdateKeys.publicPem(pair.getPublic()));

        UpdateConfig u = load("NNC_UPDATE_URL", "https://cdn.example/nnc", "NNC_UPDATE_ROOT_KEY", pub.toString(), "NNC_UPDATE_INTERVAL", "12h",
                "NNC_UPDATE_QUIET_HOURS", "22:00-05:30", "NNC_UPDATE_POLICY", "notify", "NNC_UPDATE_METERED_INTERFACES", "lte1, lte2").updates();
        assertThat(u.url()).contains("https://cdn.example/nnc");
        assertThat(u.rootKey()).contains(pair.getPublic());
        assertThat(u.interval()).isEqualTo(Duration.ofHours(12));
        assertThat(u.quietFrom()).isEqualTo(LocalTime.of(22, 0));
        assertThat(u.quietUntil()).isEqualTo(LocalTime.of(5, 30));
        assertThat(u.policy()).isEqualTo(UpdatePolicy.NOTIFY);
        assertThat(u.metered()).isEqualTo(List.of("lte1", "lte2"));

        assertThat(load("NNC_UPDATE_URL", "https://cdn.example/nnc", "NNC_UPDATE_ROOT_KEY", UpdateKeys.publicPem(pair.getPublic()))
                .updates().rootKey()).contains(pair.getPublic());
    }

    @Test
    void refusesARepositoryWithoutATrustedKeyAndBadValuesNamingThem() {
        assertThatThrownBy(() -> load("NNC_UPDATE_URL", "https://cdn.example/nnc"))
                .hasMessageContaining("NNC_UPDATE_URL is set, but NNC_UPDATE_ROOT_KEY is not");
        assertThatThrownBy(() -> load("NNC_UPDATE_ROOT_KEY", "not a key"))
                .hasMessageContaining("environment variable NNC_UPDATE_ROOT_KEY is neither a readable root.pub file nor the text of an Ed25519 public key");
        assertThatThrownBy(() -> load("NNC_UPDATE_INTERVAL", "6 hours")).hasMessageContaining("NNC_UPDATE_INTERVAL").hasMessageContaining("'6 hours'");
        assertThatThrownBy(() -> load("NNC_UPDATE_QUIET_HOURS", "2-6")).hasMessageContaining("quiet hours '2-6' are not written like 02:00-06:00");
        assertThatThrownBy(() -> load("NNC_UPDATE_POLICY", "sometimes")).hasMessageContaining("must be auto, notify or never, not 'sometimes'");
        assertThatThrownBy(() -> load("NNC_UPDATE_URL", "ftp://x/")).hasMessageContaining("must be an http:// or https:// address");
    }
}
