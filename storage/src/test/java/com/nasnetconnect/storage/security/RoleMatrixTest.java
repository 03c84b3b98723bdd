package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.UserInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static com.nasnetconnect.storage.security.SecurityFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every security operation against every role, as a user and as an API key of that role: allowed exactly when
 * the role reaches the one the operation needs, and a refusal leaves nothing changed.
 */
class RoleMatrixTest {
    @TempDir Path dir;
    SecurityFixture f;
    final AtomicInteger n = new AtomicInteger();

    @BeforeEach
    void setUp() {
        f = new SecurityFixture(dir);
        f.user("target", Role.VIEWER, "target-password-1");
        f.s.apiKeys().create(ADMIN, "target-key", Role.VIEWER);
    }

    /** operation name -> (services fixture, actor) action; all of these need ADMIN. */
    static Map<String, BiConsumer<RoleMatrixTest, Principal>> adminOperations() {
        return Map.of(
                "list users", (t, p) -> t.f.s.users().list(p),
                "create user", (t, p) -> t.f.s.users().create(p, "new" + t.n.incrementAndGet(), Role.VIEWER, Secret.of("initial-password")),
                "change role", (t, p) -> t.f.s.users().changeRole(p, "target", Role.OPERATOR),
                "reset password", (t, p) -> t.f.s.users().resetPassword(p, "target", Secret.of("temporary-password")),
                "delete user", (t, p) -> t.f.s.users().delete(p, "target"),
                "create API key", (t, p) -> t.f.s.apiKeys().create(p, "key" + t.n.incrementAndGet(), Role.VIEWER),
                "list API keys", (t, p) -> t.f.s.apiKeys().list(p),
                "revoke API key", (t, p) -> t.f.s.apiKeys().revoke(p, "target-key"),
                "read audit trail", (t, p) -> t.f.s.audit().list(p, 10, Long.MAX_VALUE),
                "log another user out everywhere", (t, p) -> t.f.s.sessions().closeAll(p, "target"));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String op : adminOperations().keySet()) {
            for (Role r : Role.values()) {
                out.add(Arguments.of(op, r, false));
                out.add(Arguments.of(op, r, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1} (api key: {2})")
    @MethodSource("matrix")
    void adminOperationsAreAllowedOnlyToAdmins(String op, Role role, boolean apiKey) {
        Principal actor = new Principal("actor", role, apiKey);
        String before = snapshot();
        BiConsumer<RoleMatrixTest, Principal> action = adminOperations().get(op);
        if (role == Role.ADMIN) {
            action.accept(this, actor);
        } else {
            assertThatThrownBy(() -> action.accept(this, actor)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'actor' (" + role.name().toLowerCase() + ") may not")
                    .hasMessageContaining("needs admin");
            assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Role.class)
    void everyUserMayLogThemselvesOutEverywhere(Role role) {
        f.s.users().changeRole(ADMIN, "target", role);
        assertThat(f.s.sessions().closeAll(new Principal("target", role, false), "target")).isZero();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Role.class, names = {"VIEWER", "OPERATOR"})
    void anApiKeyNamedLikeAUserIsNotThatUser(Role role) {
        assertThatThrownBy(() -> f.s.sessions().closeAll(new Principal("target", role, true), "target"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private String snapshot() {
        return f.s.users().list(ADMIN).stream().map(UserInfo::toString).toList() + "|"
                + f.s.apiKeys().list(ADMIN) + "|" + f.s.audit().list(ADMIN, 500, Long.MAX_VALUE).size();
    }
}
