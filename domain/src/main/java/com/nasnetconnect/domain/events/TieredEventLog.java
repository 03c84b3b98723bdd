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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event log over three tiers. Writes go to the hot tier (everything, cheap, volatile) and, as the
 * {@link EventRetention} says, to the warm tier: CRITICAL durably before {@link #record} returns, NORMAL batched.
 * Queries merge the tiers newest first; an event found in more than one tier is served once, from the hottest.
 * {@link #prune()} applies the retention; {@link #archive(Duration)} moves old warm events to the cold tier.
 *
 * <p>Followers ({@link #follow}) get each recorded event on one delivery thread, started with the first follower:
 * with no follower, recording costs one volatile read more; with followers, one queue offer (the filters run on the
 * delivery thread). The queue holds {@value #FOLLOW_BACKLOG} events; beyond that, events are dropped for followers
 * (never for the tiers) and counted in {@link #droppedForFollowers()}.
 */
public final class TieredEventLog implements EventJournal, EventLogQueries, ArchiveEvents {
    private static final System.Logger LOG = System.getLogger(TieredEventLog.class.getName());
    private static final int ARCHIVE_BATCH = 20_000;
    /** Events that may wait for the followers' delivery thread before newer ones are dropped for them. */
    public static final int FOLLOW_BACKLOG = 10_000;

    private final Clock clock;
    private final HotEventTier hot;
    private final WarmEventTier warm;
    private final ColdEventTier cold;
    private final EventRetention retention;
    private final CopyOnWriteArrayList<Follower> followers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile ThreadPoolExecutor delivery;

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
        if (!followers.isEmpty()) deliver(e);
        return e;
    }

    @Override
    public void recordCommitted(List<ResourceEvent> committed) {
        for (ResourceEvent r : committed) {
            LoggedEvent e = ResourceChangeEvents.of(r);
            EventRetention.Keep keep = retention.keep(e.eventClass(), e.type());
            if (e.eventClass() != EventClass.CRITICAL && keep.warmKept()) warm.appendBatched(e.withTier(EventTier.WARM));
            if (!keep.hot().isZero()) hot.append(e.withTier(EventTier.HOT));
            if (!followers.isEmpty()) deliver(keep.hot().isZero() ? e : e.withTier(EventTier.HOT));
        }
    }

    @Override
    public Subscription follow(EventQuery filter, Consumer<LoggedEvent> listener) {
        Follower f = new Follower(Objects.requireNonNull(filter, "filter").after(null), Objects.requireNonNull(listener, "listener"));
        synchronized (followers) {
            if (delivery == null) {
                var executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(FOLLOW_BACKLOG),
                        Thread.ofPlatform().daemon().name("event-log-followers").factory(),
                        (task, pool) -> {
                            if (dropped.getAndIncrement() % 1000 == 0) {
                                LOG.log(System.Logger.Level.WARNING, "event log followers are " + FOLLOW_BACKLOG
                                        + " events behind; newer events are not delivered to them (" + dropped.get() + " so far)");
                            }
                        });
                delivery = executor;
            }
            followers.add(f);
        }
        return () -> followers.remove(f);
    }

    /** Events not delivered to followers because the delivery queue was full. */
    public long droppedForFollowers() {
        return dropped.get();
    }

    /** Returns when the followers have been handed every event recorded before the call (tests, shutdown). */
    public void flushFollowers() {
        ThreadPoolExecutor d = delivery;
        if (d == null) return;
        try {
            d.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("event log followers did not catch up within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(LoggedEvent e) {
        delivery.execute(() -> {
            for (Follower f : followers) {
                if (!f.filter().matches(e)) continue;
                try {
                    f.listener().accept(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "event log follower failed on event " + e.id() + " (" + e.type() + ")", ex);
                }
            }
        });
    }

    private record Follower(EventQuery filter, Consumer<LoggedEvent> listener) {
        // identity semantics, so two follows of the same lambda are distinct
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
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
