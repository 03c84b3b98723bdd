package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.types.WireguardInterfaceInput;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * A fetcher's exception may quote what it was given: the GraphQL error (and, for an unexpected failure, the
 * log line) carries the mask instead of any {@code @sensitive} argument value.
 */
class GraphQlErrorRedactionTest {
    static final String KEY = "ERRAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    static final Principal OPERATOR = new Principal("operator", Role.OPERATOR, true);
    static final String CREATE = "mutation($key: String) { createWireguardInterface(routerId: \"r1\", "
            + "input: {name: \"wg0\", privateKey: $key}) { userErrors { message } } }";

    private static GraphQlEngine engineWhoseCreateThrows(java.util.function.Function<String, RuntimeException> failure) {
        var backend = (GraphQlBackend) Proxy.newProxyInstance(GraphQlBackend.class.getClassLoader(),
                new Class<?>[] {GraphQlBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        throw failure.apply(((WireguardInterfaceInput) args[3]).getPrivateKey());
                    }
                    if (method.getName().equals("close")) return null;
                    throw new UnsupportedOperationException(method.getName());
                });
        var schema = TestServer.directives();
        var redactor = new Redactor(schema.sensitiveFields(), (w, s, f, r, a) -> { }, Clock.systemUTC());
        return new GraphQlEngine(schema, backend, redactor, Limits.defaults());
    }

    @Test
    void aBadInputErrorThatQuotesTheKeyShowsTheMaskInstead() {
        var engine = engineWhoseCreateThrows(key -> new IllegalArgumentException("not a key the router takes: " + key));

        var result = engine.execute(new GraphQlEngine.Request(CREATE, null, Map.of("key", KEY)), OPERATOR);

        assertThat(result.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).isEqualTo("not a key the router takes: ******");
            assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
        });
    }

    @Test
    void anUnexpectedFailureThatQuotesTheKeyIsLoggedWithTheMaskInstead() {
        var logged = new CopyOnWriteArrayList<String>();
        var capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(new SimpleFormatter().format(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(GraphQlEngine.class.getName());
        log.addHandler(capture);
        try {
            var engine = engineWhoseCreateThrows(key -> new IllegalStateException("driver said: " + key,
                    new RuntimeException("cause quoting " + key)));

            var result = engine.execute(new GraphQlEngine.Request(CREATE, null, Map.of("key", KEY)), OPERATOR);

            assertThat(result.getErrors()).singleElement().satisfies(e -> assertThat(e.getMessage()).startsWith("internal error"));
            assertThat(logged).singleElement().satisfies(line -> {
                assertThat(line).contains("driver said: ******", "cause quoting ******").doesNotContain(KEY);
                assertThat(line).as("the stack is kept").contains("GraphQlErrorRedactionTest");
            });
        } finally {
            log.removeHandler(capture);
        }
        assertThat(List.copyOf(logged)).noneMatch(l -> l.contains(KEY));
    }
}
