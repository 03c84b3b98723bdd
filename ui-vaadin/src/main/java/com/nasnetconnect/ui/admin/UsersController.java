package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.domain.security.UserAdministration;
import com.nasnetconnect.domain.security.UserInfo;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users screen without Vaadin: list, create, change role, reset password, delete, and log a user out
 * everywhere. Every intent goes through the {@link UserAdministration} and {@link Sessions} in-ports with the
 * signed-in principal, which enforce the role; this controller hides what the role cannot do and turns refusals
 * into a {@link Notice}. Demoting yourself takes effect at once: the screen stops offering management.
 */
public final class UsersController extends HeadlessController<UsersController.State> {

    /**
     * One user as the grid shows it.
     *
     * @param self the signed-in user: the view offers only the role here (you cannot delete yourself, and your
     *             own password and sessions are on the account page)
     */
    public record UserRow(String name, Role role, String roleName, boolean mustChangePassword, String created,
                          boolean self) {
    }

    public record State(boolean canManage, List<UserRow> users, Optional<Notice> notice) {
        public State {
            users = List.copyOf(users);
            Objects.requireNonNull(notice, "notice");
        }
    }

    private final UserAdministration users;
    private final Sessions sessions;
    private final ZoneId zone;
    private volatile Principal actor;

    public UsersController(UserAdministration users, Sessions sessions, Principal actor, ZoneId zone) {
        super(new State(actor.role().allows(Role.ADMIN), List.of(), Optional.empty()));
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.zone = Objects.requireNonNull(zone, "zone");
        refresh();
    }

    public List<Role> roles() {
        return List.of(Role.values());
    }

    public void refresh() {
        reload(Optional.empty());
    }

    /** Creates a user who must change {@code initialPassword} at first sign-in. */
    public void create(String name, Role role, Secret initialPassword) {
        if (role == null) {
            reload(Optional.of(Notice.error("Choose a role for the new user")));
            return;
        }
        act(() -> {
            UserInfo u = users.create(actor, name == null ? "" : name.trim(), role, password(initialPassword));
            return "Created user '" + u.name() + "' (" + Display.role(u.role()) + "); they choose their own password at first sign-in";
        });
    }

    public void changeRole(String name, Role role) {
        if (role == null) {
            reload(Optional.of(Notice.error("Choose a role for '" + name + "'")));
            return;
        }
        act(() -> {
            UserInfo u = users.changeRole(actor, name, role);
            if (u.name().equalsIgnoreCase(actor.name()) && !actor.apiKey()) {
                actor = new Principal(actor.name(), u.role(), false);
            }
            return "'" + u.name() + "' is now " + Display.role(u.role());
        });
    }

    /** Sets a temporary password the user must change at next sign-in; ends their sessions. */
    public void resetPassword(String name, Secret temporaryPassword) {
        act(() -> {
            users.resetPassword(actor, name, password(temporaryPassword));
            return "Password of '" + name + "' reset: they choose a new one at next sign-in, and were signed out everywhere";
        });
    }

    public void delete(String name) {
        act(() -> {
            users.delete(actor, name);
            return "Deleted user '" + name + "'";
        });
    }

    /** Ends every session of the user. */
    public void logOutEverywhere(String name) {
        act(() -> {
            int n = sessions.closeAll(actor, name);
            return "Signed '" + name + "' out everywhere: " + n + (n == 1 ? " session" : " sessions") + " ended";
        });
    }

    private static Secret password(Secret given) {
        return given == null ? Secret.of("") : given;
    }

    private void act(java.util.function.Supplier<String> action) {
        Notice notice;
        try {
            notice = Notice.success(action.get());
        } catch (RuntimeException e) {
            notice = Notice.refusal(e);
        }
        reload(Optional.of(notice));
    }

    /** Reads the list again and publishes it with {@code notice}; a refused read hides the management. */
    private void reload(Optional<Notice> notice) {
        Principal me = actor;
        boolean canManage = me.role().allows(Role.ADMIN);
        List<UserRow> rows = List.of();
        try {
            rows = users.list(me).stream().sorted(Comparator.comparing(UserInfo::name, String.CASE_INSENSITIVE_ORDER))
                    .map(u -> new UserRow(u.name(), u.role(), Display.role(u.role()), u.mustChangePassword(),
                            Display.time(u.createdAt(), zone, ""), !me.apiKey() && u.name().equalsIgnoreCase(me.name())))
                    .toList();
        } catch (RuntimeException e) {
            canManage = false;
            if (notice.isEmpty()) notice = Optional.of(Notice.refusal(e));
        }
        publish(new State(canManage, rows, notice));
    }
}
