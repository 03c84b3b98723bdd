package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlColumnResealerTest {
    @TempDir Path dir;

    @Test
    void rotatingTheKeyKeepsEveryRouterPasswordReadable() {
        Clock clock = Clock.systemUTC();
        try (DatabaseManager dbs = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            SqliteRouterRepository routers = new SqliteRouterRepository(dbs, cipher, clock);
            RouterId a = RouterId.random();
            RouterId b = RouterId.random();
            routers.save(new Router(a, "a", new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of("pw-a")), false, clock.instant()));
            routers.save(new Router(b, "b", new RouterEndpoint("127.0.0.1", 8729, false, "api", Secret.of("pw-b")), false, clock.instant()));

            AesGcmSecretCipher.Rotation r = cipher.rotate(List.of(SqlColumnResealer.routerPasswords(dbs.system())));

            assertThat(r.resealed()).isEqualTo(2);
            AesGcmSecretCipher fresh = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            SqliteRouterRepository reread = new SqliteRouterRepository(dbs, fresh, clock);
            assertThat(reread.find(a).orElseThrow().endpoint().password().reveal()).isEqualTo("pw-a");
            assertThat(reread.find(b).orElseThrow().endpoint().password().reveal()).isEqualTo("pw-b");
        }
    }

    @Test
    void refusesAnIdentifierThatIsNotOne() {
        assertThatThrownBy(() -> new SqlColumnResealer(new org.sqlite.SQLiteDataSource(), "routers; DROP", "id", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'routers; DROP'");
    }
}
