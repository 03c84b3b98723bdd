package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.RouterStatus;
import graphql.ExecutionResult;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;

/**
 * The {@code routerStatus} subscription as the engine serves it: while a client is still sending an update, the
 * statuses published meanwhile never queue up behind it; only the latest per router waits.
 */
@Timeout(10)
class RouterStatusSubscriptionTest {
    private final Clock clock = Clock.systemUTC();
    private final InMemoryGraphQlBackend backend = new InMemoryGraphQlBackend(clock);
    private final GraphQlEngine engine = new GraphQlEngine(TestServer.directives(), backend,
            new com.nasnetconnect.domain.schema.Redactor(TestServer.directives().sensitiveFields(), (w, s, f, r, a) -> { }, clock),
            Limits.defaults());

    private RouterStatus status(String router, int cpu) {
        return new RouterStatus(router, true, "MikroTik", "7.23.3", "CHR", 3600, cpu, 200e6, 1e9, null, clock.instant(), clock.instant());
    }

    @Test
    void statusPublishedWhileTheClientIsBusyIsCoalescedToTheLatestPerRouter() throws Exception {
        ExecutionResult result = engine.execute(new GraphQlEngine.Request(
                "subscription { routerStatus { routerId cpuLoad } }", null, Map.of()), TestServer.KEYS.get("viewer-key"));
        assertThat(result.getErrors()).isEmpty();
        Publisher<ExecutionResult> updates = result.getData();
        var client = new ListenerPublisherTest.SlowClient<ExecutionResult>(3);
        updates.subscribe(client);

        assertThat(client.firstArrived.await(5, TimeUnit.SECONDS)).as("the current status on subscribing").isTrue();
        // the client is busy with it; the monitor publishes four more rounds without waiting
        backend.publishStatus(status("r1", 10));
        backend.publishStatus(status("r2", 30));
        backend.publishStatus(status("r1", 20));
        backend.publishStatus(status("r1", 40));
        client.release.countDown();

        assertThat(client.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.received).extracting(r -> r.<Map<String, Map<String, Object>>>getData().get("routerStatus"))
                .containsExactly(Map.of("routerId", "r1", "cpuLoad", 4), Map.of("routerId", "r1", "cpuLoad", 40),
                        Map.of("routerId", "r2", "cpuLoad", 30));
    }
}
