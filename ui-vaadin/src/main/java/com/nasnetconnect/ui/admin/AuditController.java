package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail screen without Vaadin: pages of events, newest first, read through the {@link AuditTrail}
 * in-port (admins only; it refuses others). Pages are keyed by event id, so events recorded while paging never
 * shift or repeat a page; {@link #refresh()} goes back to the newest.
 */
public final class AuditController extends HeadlessController<AuditController.State> {
    public static final int MAX_PAGE_SIZE = 500;

    public record EventRow(long id, String at, String action, String actor, String subject, String source,
                           String detail) {
    }

    /** @param page 1 for the newest events */
    public record State(boolean canRead, List<EventRow> events, int page, boolean hasNewer, boolean hasOlder,
                        Optional<Notice> notice) {
        public State {
            events = List.copyOf(events);
            Objects.requireNonNull(notice, "notice");
        }
    }

    private final AuditTrail audit;
    private final Principal actor;
    private final ZoneId zone;
    private final int pageSize;
    /** The "before id" of every page from the newest to the one shown (top = shown). */
    private final Deque<Long> cursors = new ArrayDeque<>();
    private long nextCursor = -1;

    public AuditController(AuditTrail audit, Principal actor, ZoneId zone, int pageSize) {
        super(new State(actor.role().allows(Role.ADMIN), List.of(), 1, false, false, Optional.empty()));
        if (pageSize < 1 || pageSize >= MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize not in 1.." + (MAX_PAGE_SIZE - 1) + ": " + pageSize);
        }
        this.audit = Objects.requireNonNull(audit, "audit");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pageSize = pageSize;
        refresh();
    }

    /** The newest page. */
    public synchronized void refresh() {
        cursors.clear();
        cursors.push(Long.MAX_VALUE);
        load();
    }

    /** The next page of older events, if there is one. */
    public synchronized void older() {
        if (!state().hasOlder()) return;
        cursors.push(nextCursor);
        load();
    }

    /** Back to the page of newer events, if not on the newest. */
    public synchronized void newer() {
        if (cursors.size() <= 1) return;
        cursors.pop();
        load();
    }

    private void load() {
        try {
            // one more than a page, to know whether an older page exists
            List<AuditEvent> found = audit.list(actor, pageSize + 1, cursors.peek());
            boolean hasOlder = found.size() > pageSize;
            List<AuditEvent> page = hasOlder ? found.subList(0, pageSize) : found;
            nextCursor = page.isEmpty() ? -1 : page.getLast().id();
            publish(new State(true, page.stream().map(this::row).toList(), cursors.size(), cursors.size() > 1,
                    hasOlder, Optional.empty()));
        } catch (RuntimeException e) {
            publish(new State(false, List.of(), 1, false, false, Optional.of(Notice.refusal(e))));
        }
    }

    private EventRow row(AuditEvent e) {
        return new EventRow(e.id(), Display.time(e.at(), zone, ""), label(e.action()), e.actor(), e.subject(), e.source(),
                e.detail());
    }

    /** LOGIN_FAILED → "Login failed", API_KEY_CREATED → "API key created". */
    static String label(AuditAction action) {
        String words = action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return words.replace("Api key", "API key");
    }
}
