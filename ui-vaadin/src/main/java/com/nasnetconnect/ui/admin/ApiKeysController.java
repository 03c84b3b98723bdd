package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Lifetime;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys screen without Vaadin: lists keys, creates one (its token is in the one state published right
 * after creation, and in no other), revokes one. Every intent goes through the {@link ApiKeys} in-port with the
 * signed-in principal, which enforces the role; this controller only hides what the role cannot do and turns
 * refusals into a {@link Notice}. A key may be given a lifetime ({@code 30d}, {@code 12h}, see {@link Lifetime}); the
 * list shows when each key expires. On a phone-sized viewport the view shows cards instead of the grid.
 */
public final class ApiKeysController extends HeadlessController<ApiKeysController.State> {

    /** Viewports up to this width (CSS pixels) get cards instead of the grid. */
    public static final int PHONE_MAX_WIDTH = 600;

    public enum Layout { GRID, CARDS }

    /**
     * One key as the list shows it. Not revoked keys first, newest first.
     *
     * @param expires when it stops working, or "never"
     * @param status  "active", "expired" or "revoked"
     * @param active  not revoked (an expired key can still be revoked, which frees its name)
     */
    public record KeyRow(String name, String role, String created, String createdBy, String lastUsed, String revoked,
                         boolean active, String expires, String status) {
    }

    /** A key just created: the only time its token is available. */
    public record NewKey(String name, String role, Secret token) {
    }

    /**
     * @param canManage false for roles below admin: the view shows no key management at all
     * @param newKey    present only in the state published by a successful {@link #create}
     */
    public record State(boolean canManage, List<KeyRow> keys, Optional<Notice> notice, Optional<NewKey> newKey,
                        Layout layout) {
        public State {
            keys = List.copyOf(keys);
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(newKey, "newKey");
            Objects.requireNonNull(layout, "layout");
        }
    }

    private final ApiKeys apiKeys;
    private final Principal actor;
    private final ZoneId zone;
    private final Clock clock;

    public ApiKeysController(ApiKeys apiKeys, Principal actor, ZoneId zone) {
        this(apiKeys, actor, zone, Clock.system(zone));
    }

    /** @param clock "now" for a new key's expiry (now + its lifetime) and for showing keys as expired */
    public ApiKeysController(ApiKeys apiKeys, Principal actor, ZoneId zone, Clock clock) {
        super(new State(actor.role().allows(Role.ADMIN), List.of(), Optional.empty(), Optional.empty(), Layout.GRID));
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        refresh();
    }

    /** The roles a new key may get. */
    public List<Role> roles() {
        return List.of(Role.values());
    }

    /** Reloads the list (clears the notice). */
    public void refresh() {
        reload(Optional.empty(), Optional.empty());
    }

    /** Creates a key that never expires; on success the next state carries its token, once. */
    public void create(String name, Role role) {
        create(name, role, "");
    }

    /**
     * Creates a key; on success the next state carries its token, once.
     *
     * @param lifetime how long the key works, e.g. {@code 30d} or {@code 12h}; blank for a key that never expires
     */
    public void create(String name, Role role, String lifetime) {
        if (role == null) {
            reload(Optional.of(Notice.error("Choose a role for the new key")), Optional.empty());
            return;
        }
        try {
            Instant expiresAt = lifetime == null || lifetime.isBlank() ? null : clock.instant().plus(Lifetime.parse(lifetime));
            CreatedApiKey created = apiKeys.create(actor, name == null ? "" : name.trim(), role, expiresAt);
            String roleName = Display.role(created.info().role());
            String expiry = expiresAt == null ? "" : ", expires " + Display.time(expiresAt, zone, "");
            reload(Optional.of(Notice.success("Created API key '" + created.info().name() + "' (" + roleName + ")" + expiry)),
                    Optional.of(new NewKey(created.info().name(), roleName, created.token())));
        } catch (RuntimeException e) {
            reload(Optional.of(Notice.refusal(e)), Optional.empty());
        }
    }

    /** Revokes the active key of that name: requests with it are refused from now on. */
    public void revoke(String name) {
        try {
            ApiKeyInfo revoked = apiKeys.revoke(actor, name);
            reload(Optional.of(Notice.success("Revoked API key '" + revoked.name() + "'")), Optional.empty());
        } catch (RuntimeException e) {
            reload(Optional.of(Notice.refusal(e)), Optional.empty());
        }
    }

    /** The view has shown the new key: forget it (the state no longer holds the token). */
    public void newKeyShown() {
        update(s -> s.newKey().isEmpty() ? s : new State(s.canManage(), s.keys(), s.notice(), Optional.empty(), s.layout()));
    }

    /** User intent: the viewport is now this wide (CSS pixels; 0 when unknown). */
    public void viewportResized(int width) {
        Layout layout = width > 0 && width <= PHONE_MAX_WIDTH ? Layout.CARDS : Layout.GRID;
        update(s -> layout == s.layout() ? s : new State(s.canManage(), s.keys(), s.notice(), s.newKey(), layout));
    }

    /** Reads the list again and publishes it with {@code notice}; a refused read hides the management. */
    private void reload(Optional<Notice> notice, Optional<NewKey> newKey) {
        boolean canManage = actor.role().allows(Role.ADMIN);
        List<KeyRow> rows = List.of();
        try {
            rows = apiKeys.list(actor).stream()
                    .sorted(Comparator.comparing(ApiKeyInfo::active).reversed()
                            .thenComparing(ApiKeyInfo::createdAt, Comparator.reverseOrder()))
                    .map(this::row).toList();
        } catch (RuntimeException e) {
            canManage = false;
            if (notice.isEmpty()) notice = Optional.of(Notice.refusal(e));
        }
        boolean manage = canManage;
        List<KeyRow> keys = rows;
        Optional<Notice> shown = notice;
        update(s -> new State(manage, keys, shown, newKey, s.layout()));
    }

    private KeyRow row(ApiKeyInfo k) {
        String status = !k.active() ? "revoked" : k.expiredAt(clock.instant()) ? "expired" : "active";
        return new KeyRow(k.name(), Display.role(k.role()), Display.time(k.createdAt(), zone, ""), k.createdBy(),
                Display.time(k.lastUsedAt(), zone, "never"), Display.time(k.revokedAt(), zone, ""), k.active(),
                Display.time(k.expiresAt(), zone, "never"), status);
    }
}
