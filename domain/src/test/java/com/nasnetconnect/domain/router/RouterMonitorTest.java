package com.nasnetconnect.domain.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Unit test with in-memory fakes of the two out-ports; the real gateway is exercised in routeros and e2e. */
class RouterMonitorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    static Router router(String id, int port) {
        return new Router(new RouterId(id), "R " + id, new RouterEndpoint("127.0.0.1", port, false, "admin", Secret.of("pw")),
                false, CLOCK.instant());
    }

    static class Repo implements RouterRepository {
        final List<Router> routers = new ArrayList<>();
        public List<Router> findAll() { return List.copyOf(routers); }
        public Optional<Router> find(RouterId id) { return routers.stream().filter(r -> r.id().equals(id)).findFirst(); }
        public void save(Router router) { routers.add(router); }
        public void delete(RouterId id) { routers.removeIf(r -> r.id().equals(id)); }
    }

    /** Answers like RouterOS for port 1; port 2 is "down". */
    static class Gateway implements RouterGateway {
        String uptime = "1h";
        public RouterReply execute(RouterEndpoint r, RouterCommand c) { return execute(r, c, Duration.ofSeconds(1)); }
        public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
            if (r.port() == 2) throw new RouterException.Unreachable("connection refused", c.toString(), null);
            return switch (c.path()) {
                case "/system/resource/print" -> RouterReply.of(List.of(Map.of("uptime", uptime, "version", "7.16.2 (stable)",
                        "board-name", "CHR", "cpu-load", "3", "free-memory", "1048576", "total-memory", "4194304")));
                case "/system/identity/print" -> RouterReply.of(List.of(Map.of("name", "core")));
                default -> throw new RouterException.Trap(0, "no such command", c.toString());
            };
        }
        public Stream stream(RouterEndpoint r, RouterCommand c, Consumer<Map<String, String>> row, Consumer<RouterException> err) { throw new UnsupportedOperationException(); }
        public PlatformInfo platform(RouterEndpoint r) { throw new UnsupportedOperationException(); }
        public void disconnect(RouterEndpoint r) { }
        public void close() { }
    }

    @Test
    void reportsLiveValuesOfReachableRoutersAndTheProblemOfUnreachableOnes() {
        Repo repo = new Repo();
        repo.save(router("up", 1));
        repo.save(router("down", 2));
        try (var monitor = new RouterMonitor(repo, new Gateway(), CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            List<List<RouterStatus>> seen = new ArrayList<>();
            monitor.subscribe(seen::add);
            monitor.pollOnce();

            List<RouterStatus> last = seen.getLast();
            assertThat(last).hasSize(2);
            RouterStatus up = last.get(0);
            assertThat(up.reachable()).isTrue();
            assertThat(up.identity()).contains("core");
            assertThat(up.board()).contains("CHR");
            assertThat(up.uptime()).contains(Duration.ofHours(1));
            assertThat(up.freeMemoryBytes()).contains(1048576L);
            RouterStatus down = last.get(1);
            assertThat(down.reachable()).isFalse();
            assertThat(down.problem()).hasValueSatisfying(p -> assertThat(p).contains("connection refused"));
        }
    }

    @Test
    void aRouterWhoseDatabaseIsQuarantinedSaysSoInItsProblemReachableOrNot() {
        Repo repo = new Repo();
        repo.save(router("up", 1));
        repo.save(router("down", 2));
        repo.save(router("fine", 1));
        var since = Instant.parse("2026-11-25T09:00:00Z");
        com.nasnetconnect.domain.state.DatabaseStatus databases = () -> new com.nasnetconnect.domain.state.DatabaseHealth(true,
                Optional.empty(), 0, 8, List.of(
                        new com.nasnetconnect.domain.state.DatabaseHealth.QuarantinedDatabase("up", "R up", "/srv/nnc/quarantine/x.db", "bad", since),
                        new com.nasnetconnect.domain.state.DatabaseHealth.QuarantinedDatabase("down", "R down", "/srv/nnc/quarantine/y.db", "bad", since)),
                CLOCK.instant());
        try (var monitor = new RouterMonitor(repo, new Gateway(), CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1), databases)) {
            monitor.pollOnce();

            var byId = new java.util.HashMap<String, RouterStatus>();
            monitor.current().forEach(s -> byId.put(s.routerId().value(), s));
            assertThat(byId.get("up").reachable()).isTrue();
            assertThat(byId.get("up").problem()).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("the database of router 'R up' (id 'up') is quarantined since 2026-11-25T09:00:00Z")
                    .doesNotContain("/srv/nnc"));
            assertThat(byId.get("down").problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("connection refused").contains("the database of router 'R down' (id 'down') is quarantined"));
            assertThat(byId.get("fine").problem()).isEmpty();
        }
    }

    @Test
    void keepsLastKnownValuesWhenARouterStopsAnswering() {
        Repo repo = new Repo();
        repo.save(router("r", 1));
        Gateway gw = new Gateway();
        try (var monitor = new RouterMonitor(repo, gw, CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();
            repo.routers.set(0, router("r", 2)); // same router, now failing
            monitor.pollOnce();
            RouterStatus s = monitor.current().getFirst();
            assertThat(s.reachable()).isFalse();
            assertThat(s.identity()).contains("core");
        }
    }

    @Test
    void remembersWhenAnUnreachableRouterLastAnswered() {
        Repo repo = new Repo();
        repo.save(router("r", 1));
        Instant answered = Instant.parse("2026-11-25T10:00:00Z");
        var clock = new java.util.concurrent.atomic.AtomicReference<>(answered);
        Clock ticking = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return clock.get(); }
        };
        try (var monitor = new RouterMonitor(repo, new Gateway(), ticking, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();
            assertThat(monitor.current().getFirst().lastSeenAt()).contains(answered);

            repo.routers.set(0, router("r", 2)); // same router, now failing
            clock.set(answered.plusSeconds(180));
            monitor.pollOnce();
            clock.set(answered.plusSeconds(240));
            monitor.pollOnce();

            RouterStatus s = monitor.current().getFirst();
            assertThat(s.reachable()).isFalse();
            assertThat(s.checkedAt()).isEqualTo(answered.plusSeconds(240));
            assertThat(s.lastSeenAt()).contains(answered);
        }
    }

    @Test
    void aRouterThatNeverAnsweredHasNoLastSeenTime() {
        Repo repo = new Repo();
        repo.save(router("down", 2));
        try (var monitor = new RouterMonitor(repo, new Gateway(), CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();
            assertThat(monitor.current().getFirst().lastSeenAt()).isEmpty();
        }
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        Repo repo = new Repo();
        repo.save(router("r", 1));
        try (var monitor = new RouterMonitor(repo, new Gateway(), CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            List<Integer> sizes = new ArrayList<>();
            monitor.subscribe(l -> { if (!l.isEmpty()) throw new IllegalStateException("boom"); });
            monitor.subscribe(l -> sizes.add(l.size()));
            monitor.pollOnce();
            assertThat(sizes).endsWith(1);
        }
    }

    @Test
    void pollsManyRoutersAtOnceButNeverMoreThanItsLimitAndKeepsTheirOrder() {
        Repo repo = new Repo();
        for (int i = 0; i < 100; i++) repo.save(router("r" + i, 1));
        var active = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        var allIn = new java.util.concurrent.CountDownLatch(1);
        var gateway = new Gateway() {
            @Override
            public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
                int now = active.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                if (now >= RouterMonitor.MAX_IN_FLIGHT) allIn.countDown();
                try {
                    allIn.await(100, java.util.concurrent.TimeUnit.MILLISECONDS); // the first polls wait for the others to start
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    active.decrementAndGet();
                }
                return super.execute(r, c, t);
            }
        };
        try (var monitor = new RouterMonitor(repo, gateway, CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();

            assertThat(most).as("routers polled at the same time").hasValue(RouterMonitor.MAX_IN_FLIGHT);
            assertThat(monitor.current()).hasSize(100).allMatch(RouterStatus::reachable);
            assertThat(monitor.current()).extracting(s -> s.routerId().value()).startsWith("r0", "r1", "r2").endsWith("r99");
        }
    }

    @Test
    void refreshingAJustAddedRouterPollsOnlyThatRouterAndKeepsTheOthersLastStatus() {
        Repo repo = new Repo();
        for (int i = 0; i < 50; i++) repo.save(router("r" + i, 1));
        var polled = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var gateway = new Gateway() {
            @Override
            public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
                if (c.path().equals("/system/resource/print")) polled.add(r.address());
                return super.execute(r, c, t);
            }
        };
        try (var monitor = new RouterMonitor(repo, gateway, CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();
            polled.clear();
            List<List<RouterStatus>> seen = new ArrayList<>();
            monitor.subscribe(seen::add);
            Router added = new Router(new RouterId("new"), "R new", new RouterEndpoint("10.0.0.9", 1, false, "admin",
                    Secret.of("pw")), false, CLOCK.instant());
            repo.save(added);

            monitor.pollOne(added.id());

            assertThat(polled).as("routers polled for the one added").containsExactly("10.0.0.9:1");
            assertThat(seen.getLast()).hasSize(51).allMatch(RouterStatus::reachable);
            assertThat(seen.getLast().getLast().routerId()).isEqualTo(added.id());
        }
    }

    @Test
    void aRouterRefreshedAfterItWasRemovedLeavesTheList() {
        Repo repo = new Repo();
        repo.save(router("a", 1));
        repo.save(router("b", 1));
        try (var monitor = new RouterMonitor(repo, new Gateway(), CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.pollOnce();
            repo.delete(new RouterId("b"));

            monitor.pollOne(new RouterId("b"));

            assertThat(monitor.current()).extracting(s -> s.routerId().value()).containsExactly("a");
        }
    }

    @Test
    void refreshRequestsWhileOneIsWaitingMakeOneRoundNotOneEach() throws Exception {
        Router last = router("last", 3); // refreshed on its own after the requests: known to find(), not to findAll()
        Repo repo = new Repo() {
            @Override
            public Optional<Router> find(RouterId id) {
                return id.equals(last.id()) ? Optional.of(last) : super.find(id);
            }
        };
        repo.save(router("a", 1));
        var inFirstRound = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var lastPolled = new java.util.concurrent.CountDownLatch(1);
        var rounds = new java.util.concurrent.atomic.AtomicInteger();
        var gateway = new Gateway() {
            @Override
            public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
                if (c.path().equals("/system/resource/print") && r.port() == 3) lastPolled.countDown();
                if (c.path().equals("/system/resource/print") && r.port() == 1 && rounds.incrementAndGet() == 1) {
                    inFirstRound.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.execute(r, c, t);
            }
        };
        try (var monitor = new RouterMonitor(repo, gateway, CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            monitor.refreshNow();
            assertThat(inFirstRound.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) monitor.refreshNow(); // e.g. twenty routers removed while a round runs
            monitor.refresh(last.id()); // runs after whatever the twenty requests queued (one thread, in order)
            release.countDown();

            assertThat(lastPolled.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // the blocked round and one round for the twenty requests: not 21 rounds
            assertThat(rounds).hasValue(2);
        }
    }
}
