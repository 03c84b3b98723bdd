package com.nasnetconnect.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.admin.ApiKeysController.KeyRow;
import com.nasnetconnect.ui.admin.ApiKeysController.State;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ApiKeysControllerTest {
    @TempDir
    Path dir;
    RealSecurity security;

    @BeforeEach
    void setUp() {
        security = new RealSecurity(dir);
    }

    @AfterEach
    void tearDown() {
        security.close();
    }

    ApiKeysController asAdmin() {
        return new ApiKeysController(security.s.apiKeys(), security.admin, ZoneOffset.UTC,
                java.time.Clock.fixed(RealSecurity.NOW, ZoneOffset.UTC));
    }

    @Test
    void showsANewKeysTokenInOneStateOnlyAndTheTokenWorks() {
        ApiKeysController c = asAdmin();
        c.create("grafana", Role.VIEWER);

        State created = c.state();
        assertThat(created.newKey()).isPresent();
        String token = created.newKey().get().token().reveal();
        assertThat(token).startsWith("nnc_");
        assertThat(created.newKey().get().role()).isEqualTo("viewer");
        assertThat(created.notice().orElseThrow().text()).isEqualTo("Created API key 'grafana' (viewer)").doesNotContain(token);
        assertThat(created.toString()).doesNotContain(token);
        assertThat(security.s.apiKeys().authenticate(token)).get().extracting(p -> p.role()).isEqualTo(Role.VIEWER);

        c.newKeyShown();
        assertThat(c.state().newKey()).isEmpty();
        c.refresh();
        assertThat(c.state().newKey()).isEmpty();
        KeyRow row = c.state().keys().getFirst();
        assertThat(row.name()).isEqualTo("grafana");
        assertThat(row.active()).isTrue();
        assertThat(row.created()).isEqualTo("2026-11-25 22:00:00");
        assertThat(row.createdBy()).isEqualTo("admin");
        assertThat(row.lastUsed()).as("the token was used above").isEqualTo("2026-11-25 22:00:00");
    }

    @Test
    void revokedKeyIsRefusedFromThenOnAndListedAsRevoked() {
        ApiKeysController c = asAdmin();
        c.create("ci", Role.OPERATOR);
        String token = c.state().newKey().orElseThrow().token().reveal();
        c.newKeyShown();

        c.revoke("ci");

        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Revoked API key 'ci'");
        assertThat(security.s.apiKeys().authenticate(token)).isEmpty();
        KeyRow row = c.state().keys().getFirst();
        assertThat(row.active()).isFalse();
        assertThat(row.revoked()).isEqualTo("2026-11-25 22:00:00");
        assertThat(row.lastUsed()).isEqualTo("never");
    }

    @Test
    void listsActiveKeysBeforeRevokedOnes() {
        ApiKeysController c = asAdmin();
        c.create("old", Role.VIEWER);
        c.create("new", Role.VIEWER);
        c.revoke("new");
        assertThat(c.state().keys()).extracting(KeyRow::name).containsExactly("old", "new");
    }

    @Test
    void operatorsSeeNoKeyManagementAndTheServiceRefusesTheirActions() {
        var operator = security.user("olga", Role.OPERATOR, "Olga-pass-1234");
        ApiKeysController c = new ApiKeysController(security.s.apiKeys(), operator, ZoneOffset.UTC);

        assertThat(c.state().canManage()).isFalse();
        assertThat(c.state().keys()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed: ").contains("may not list API keys");

        c.create("sneaky", Role.ADMIN);
        assertThat(c.state().newKey()).isEmpty();
        assertThat(c.state().notice().orElseThrow().isError()).isTrue();
        assertThat(c.state().notice().get().text()).contains("may not create API keys", "needs admin");
        assertThat(security.s.apiKeys().list(security.admin)).isEmpty();
    }

    @Test
    void refusesABadOrTakenNameNamingItAndKeepsTheList() {
        ApiKeysController c = asAdmin();
        c.create("bad name!", Role.VIEWER);
        assertThat(c.state().notice().orElseThrow().text()).contains("'bad name!'");
        assertThat(c.state().newKey()).isEmpty();

        c.create("grafana", Role.VIEWER);
        c.newKeyShown();
        c.create("grafana", Role.ADMIN);
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("an API key named 'grafana' exists already");
        assertThat(c.state().keys()).hasSize(1);

        c.create("norole", null);
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Choose a role for the new key");
        c.revoke("nope");
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("no active API key named 'nope'");
    }

    @Test
    void subscribersGetEveryNewStateUntilTheyUnsubscribe() throws Exception {
        ApiKeysController c = asAdmin();
        List<State> seen = new ArrayList<>();
        AutoCloseable subscription = c.subscribe(seen::add);
        assertThat(seen).hasSize(1);
        c.create("a", Role.VIEWER);
        c.newKeyShown();
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).newKey()).isPresent();
        assertThat(seen.get(2).newKey()).isEmpty();
        subscription.close();
        c.revoke("a");
        assertThat(seen).hasSize(3);
    }

    @Test
    void createsAKeyThatExpiresAfterTheLifetimeGivenAndListsWhen() {
        ApiKeysController c = asAdmin();
        c.create("temp", Role.VIEWER, " 30d ");
        String token = c.state().newKey().orElseThrow().token().reveal();
        assertThat(c.state().notice().orElseThrow().text())
                .isEqualTo("Created API key 'temp' (viewer), expires 2026-12-25 22:00:00");
        c.newKeyShown();
        assertThat(security.s.apiKeys().list(security.admin).getFirst().expiresAt())
                .isEqualTo(RealSecurity.NOW.plus(java.time.Duration.ofDays(30)));
        assertThat(security.s.apiKeys().authenticate(token)).isPresent();
        KeyRow row = c.state().keys().getFirst();
        assertThat(row.expires()).isEqualTo("2026-12-25 22:00:00");
        assertThat(row.status()).isEqualTo("active");

        c.create("forever", Role.VIEWER, "");
        c.newKeyShown();
        assertThat(c.state().keys()).extracting(KeyRow::name, KeyRow::expires)
                .contains(org.assertj.core.groups.Tuple.tuple("forever", "never"));
    }

    @Test
    void refusesALifetimeItCannotReadNamingIt() {
        ApiKeysController c = asAdmin();
        c.create("temp", Role.VIEWER, "next week");
        assertThat(c.state().notice().orElseThrow().isError()).isTrue();
        assertThat(c.state().notice().get().text()).contains("'next week'").contains("30d");
        assertThat(c.state().newKey()).isEmpty();
        assertThat(security.s.apiKeys().list(security.admin)).isEmpty();
    }

    @Test
    void showsCardsOnAPhoneAndTheGridOnAWideScreen() {
        ApiKeysController c = asAdmin();
        assertThat(c.state().layout()).isEqualTo(ApiKeysController.Layout.GRID);
        c.viewportResized(390);
        assertThat(c.state().layout()).isEqualTo(ApiKeysController.Layout.CARDS);
        c.create("grafana", Role.VIEWER);
        assertThat(c.state().layout()).as("kept across actions").isEqualTo(ApiKeysController.Layout.CARDS);
        c.viewportResized(1280);
        assertThat(c.state().layout()).isEqualTo(ApiKeysController.Layout.GRID);
    }
}
