package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityWiringTest {
    @TempDir Path dir;

    private String start(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DatabaseManager db = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            SecurityWiring.create(db.system(), dir, env, Clock.systemUTC(), new PrintStream(out, true));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAGeneratedAdminPasswordOnceAndItMustBeChanged() {
        String first = start(Map.of());
        Matcher m = Pattern.compile("with the password (\\S+)").matcher(first);
        assertThat(m.find()).as(first).isTrue();
        String password = m.group(1);
        assertThat(first).contains("must be changed at the first login");
        assertThat(start(Map.of())).as("second start prints nothing").isEmpty();

        try (DatabaseManager db = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            SecurityWiring w = SecurityWiring.create(db.system(), dir, Map.of(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
            Login login = w.services().authenticator().login("admin", Secret.of(password), "127.0.0.1");
            assertThat(login.mustChangePassword()).isTrue();
            assertThat(w.tls()).isEmpty();
            assertThat(w.cookies().name()).isEqualTo(SessionCookies.HTTP_NAME);
        }
    }

    @Test
    void usesTheConfiguredAdminPasswordWithoutPrintingIt() {
        String out = start(Map.of("NNC_ADMIN_PASSWORD", "configured-admin-pw"));
        assertThat(out).contains("NNC_ADMIN_PASSWORD").doesNotContain("configured-admin-pw");
    }

    @Test
    void turnsOnTlsAndSecureCookiesFromTheEnvironment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DatabaseManager db = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            SecurityWiring w = SecurityWiring.create(db.system(), dir, Map.of("NNC_TLS", "self-signed"), Clock.systemUTC(), new PrintStream(out));
            assertThat(w.tls()).isPresent();
            assertThat(w.cookies().name()).isEqualTo(SessionCookies.HTTPS_NAME);
        }
    }

    @Test
    void refusesATooShortConfiguredPasswordNamingTheVariable() {
        assertThatThrownBy(() -> start(Map.of("NNC_ADMIN_PASSWORD", "short")))
                .hasMessageContaining("NNC_ADMIN_PASSWORD").hasMessageNotContaining("short\"");
    }
}
