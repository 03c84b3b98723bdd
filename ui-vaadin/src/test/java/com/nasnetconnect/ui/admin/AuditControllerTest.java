package com.nasnetconnect.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.admin.AuditController.EventRow;
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
class AuditControllerTest {
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

    /** Six more events after "first admin created": 7 in all. */
    void sixKeyEvents() {
        for (String name : List.of("k1", "k2", "k3")) {
            security.s.apiKeys().create(security.admin, name, Role.VIEWER);
            security.s.apiKeys().revoke(security.admin, name);
        }
    }

    @Test
    void pagesThroughEveryEventNewestFirstWithoutGapsOrRepeats() {
        sixKeyEvents();
        AuditController c = new AuditController(security.s.audit(), security.admin, ZoneOffset.UTC, 3);

        assertThat(c.state().page()).isEqualTo(1);
        assertThat(c.state().hasNewer()).isFalse();
        assertThat(c.state().hasOlder()).isTrue();
        List<EventRow> all = new ArrayList<>(c.state().events());
        assertThat(all).extracting(EventRow::action, EventRow::subject)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("API key revoked", "k3"));
        c.older();
        assertThat(c.state().page()).isEqualTo(2);
        assertThat(c.state().hasNewer()).isTrue();
        all.addAll(c.state().events());
        c.older();
        assertThat(c.state().page()).isEqualTo(3);
        assertThat(c.state().hasOlder()).isFalse();
        all.addAll(c.state().events());
        c.older();
        assertThat(c.state().page()).as("no page after the last").isEqualTo(3);

        assertThat(all).hasSize(7);
        assertThat(all).extracting(EventRow::id).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(all.getLast().action()).isEqualTo("First admin created");
        assertThat(all.getLast().actor()).isEqualTo("system");
        assertThat(all.getLast().at()).isEqualTo("2026-11-25 22:00:00");

        c.newer();
        c.newer();
        assertThat(c.state().page()).isEqualTo(1);
        assertThat(c.state().events()).isEqualTo(all.subList(0, 3));
        c.newer();
        assertThat(c.state().page()).isEqualTo(1);
    }

    @Test
    void refreshGoesBackToTheNewestAndShowsWhatHappenedMeanwhile() {
        sixKeyEvents();
        AuditController c = new AuditController(security.s.audit(), security.admin, ZoneOffset.UTC, 3);
        c.older();
        assertThatThrownBy(() -> security.s.authenticator().login("admin", Secret.of("wrong-password"), "10.0.0.9"))
                .isInstanceOf(AuthenticationFailedException.class);

        c.refresh();

        assertThat(c.state().page()).isEqualTo(1);
        EventRow newest = c.state().events().getFirst();
        assertThat(newest.action()).isEqualTo("Login failed");
        assertThat(newest.actor()).isEqualTo("anonymous");
        assertThat(newest.subject()).isEqualTo("admin");
        assertThat(newest.source()).isEqualTo("10.0.0.9");
        assertThat(newest.detail()).contains("wrong password").doesNotContain("wrong-password");
    }

    @Test
    void nonAdminsAreRefusedTheTrailByTheService() {
        Principal olga = security.user("olga", Role.OPERATOR, "Olga-pass-1234");
        AuditController c = new AuditController(security.s.audit(), olga, ZoneOffset.UTC, 10);
        assertThat(c.state().canRead()).isFalse();
        assertThat(c.state().events()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed: ").contains("may not read the audit trail");
    }

    @Test
    void labelsActionsForPeople() {
        assertThat(AuditController.label(AuditAction.LOGIN_FAILED)).isEqualTo("Login failed");
        assertThat(AuditController.label(AuditAction.API_KEY_CREATED)).isEqualTo("API key created");
        assertThat(AuditController.label(AuditAction.SECRET_REVEALED)).isEqualTo("Secret revealed");
    }

    @Test
    void refusesAPageSizeOutsideWhatTheServiceServes() {
        assertThatThrownBy(() -> new AuditController(security.s.audit(), security.admin, ZoneOffset.UTC, 0))
                .hasMessage("pageSize not in 1..499: 0");
        assertThatThrownBy(() -> new AuditController(security.s.audit(), security.admin, ZoneOffset.UTC, 500))
                .hasMessage("pageSize not in 1..499: 500");
    }
}
