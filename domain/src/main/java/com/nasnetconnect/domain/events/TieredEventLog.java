package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event log over three tiers. Writes go to the hot tier (everything, cheap, volatile) and, as the
 * {@link EventRetention} says, to the warm tier: CRITICAL durably before {@link #record} returns, NORMAL batched.
 * Queries merge the tiers newest first; an event found in more than one tier is served once, from the hottest.
 * {@link #prune()} applies the retention; {@link #archive(Duration)} moves old warm events to the cold tier.
 */
public final class TieredEventLog implements EventJournal, EventLogQueries, ArchiveEvents {
    private static final int ARCHIVE_BATCH = 20_000;

    private final Clock clock;
    private final HotEventTier hot;
    private final WarmEventTier warm;
    private final ColdEventTier cold;
    private final EventRetention retention;

    public TieredEventLog(Clock clock, HotEventTier hot, WarmEventTier warm, ColdEventTier cold, EventRetention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hot = Objects.requireNonNull(hot, "hot");
        this.warm = Objects.requireNonNull(warm, "warm");
        this.cold = Objects.requireNonNull(cold, "cold");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public LoggedEvent record(NewEvent n) {
        Instant at = clock.instant();
        LoggedEvent e = new LoggedEvent(EventIds.next(at), n.routerId(), n.eventClass(), n.type(), at, n.actor(), n.summary(),
                EventData.masked(n.data()), EventTier.HOT);
        EventRetention.Keep keep = retention.keep(e.eventClass(), e.type());
        if (keep.warmKept()) {
            if (e.eventClass() == EventClass.CRITICAL) warm.append(e.withTier(EventTier.WARM));
            else warm.appendBatched(e.withTier(EventTier.WARM));
        }
        if (!keep.hot().isZero()) hot.append(e);
        return e;
    }

    @Override
    public void recordCommitted(List<ResourceEvent> committed) {
        for (ResourceEvent r : committed) {
            LoggedEvent e = ResourceChangeEvents.of(r);
            EventRetention.Keep keep = retention.keep(e.eventClass(), e.type());
            if (e.eventClass() != EventClass.CRITICAL && keep.warmKept()) warm.appendBatched(e.withTier(EventTier.WARM));
            if (!keep.hot().isZero()) hot.append(e.withTier(EventTier.HOT));
        }
    }

    @Override
    public EventPage query(EventQuery q) {
        int want = q.first() + 1;
        // newest first; on equal position (the same event in two tiers) the hotter tier, added first, stays
        var merged = new TreeMap<EventCursor, LoggedEvent>();
        for (LoggedEvent e : hot.newest(q, want)) merged.putIfAbsent(e.position(), e);
        for (LoggedEvent e : warm.newest(q, want)) merged.putIfAbsent(e.position(), e);
        for (LoggedEvent e : cold.newest(q, want)) merged.putIfAbsent(e.position(), e);
        var page = new ArrayList<LoggedEvent>(q.first());
        for (LoggedEvent e : merged.values()) {
            if (page.size() == q.first()) break;
            page.add(e);
        }
        boolean more = merged.size() > q.first();
        return new EventPage(page, page.isEmpty() ? Optional.empty() : Optional.of(page.getLast().position().encode()), more);
    }

    @Override
    public EventStorageStatus storage() {
        return new EventStorageStatus(hot.status(), warm.status(), cold.status());
    }

    @Override
    public List<ArchivedPartition> archive(Duration olderThan) {
        if (olderThan.isNegative()) throw new IllegalArgumentException("older-than must be 0s or longer: " + olderThan);
        Instant cutoff = clock.instant().minus(olderThan);
        var cold0 = cold.status();
        if (!cold0.enabled()) throw new ColdTierUnavailable("no cold tier is configured (set NNC_EVENTS_COLD_DIR)");
        if (cold0.degraded().isPresent()) throw new ColdTierUnavailable(cold0.degraded().get());
        warm.flush();
        var written = new TreeMap<String, ArchivedPartition>();
        for (Optional<RouterId> scope : warm.scopes()) {
            while (true) {
                List<LoggedEvent> batch = warm.olderThan(scope, cutoff, ARCHIVE_BATCH);
                if (batch.isEmpty()) break;
                for (ArchivedPartition p : cold.archive(scope, batch)) {
                    written.merge(p.file(), p, (a, b) -> new ArchivedPartition(a.file(), a.events() + b.events(), b.bytes()));
                }
                var ids = new HashSet<String>();
                for (LoggedEvent e : batch) ids.add(e.id());
                warm.remove(scope, ids);
                if (batch.size() < ARCHIVE_BATCH) break;
            }
        }
        return List.copyOf(written.values());
    }

    /** Applies the retention now: deletes hot and warm events past their time. Returns how many were deleted. */
    public int prune() {
        Instant now = clock.instant();
        return hot.prune(now, retention) + warm.prune(now, retention);
    }

    /** Writes the batched warm events and waits for the hot tier's queue (shutdown, tests). */
    public void flush() {
        warm.flush();
        hot.flush();
    }

    public EventRetention retention() {
        return retention;
    }
}
