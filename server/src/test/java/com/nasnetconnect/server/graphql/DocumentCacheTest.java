package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DocumentCacheTest {
    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = in -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(in.getQuery()));
    };

    private static ExecutionInput query(String text) {
        return ExecutionInput.newExecutionInput().query(text).build();
    }

    @Test
    void parsesAndValidatesTheSameQueryTextOnlyOnceWhateverItsVariables() {
        var cache = new DocumentCache(10, 1024);
        var first = cache.getDocumentAsync(query("query($id: ID!) { router(id: $id) { name } }"), parse).join();
        var again = cache.getDocumentAsync(ExecutionInput.newExecutionInput()
                .query("query($id: ID!) { router(id: $id) { name } }").variables(java.util.Map.of("id", "x")).build(), parse).join();
        assertThat(parsed).hasValue(1);
        assertThat(again).isSameAs(first);
        cache.getDocumentAsync(query("{ routers { name } }"), parse).join();
        assertThat(parsed).hasValue(2);
    }

    @Test
    void neverKeepsAQueryLongerThanItsLimitAndStaysWithinItsCount() {
        var cache = new DocumentCache(5, 64);
        String longQuery = "{ routers { name " + "id ".repeat(40) + "} }";
        cache.getDocumentAsync(query(longQuery), parse).join();
        cache.getDocumentAsync(query(longQuery), parse).join();
        assertThat(parsed).hasValue(2);
        for (int i = 0; i < 50; i++) cache.getDocumentAsync(query("{ a" + i + ": routers { name } }"), parse).join();
        assertThat(cache.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void aCachedDocumentIsStillHeldToTheDepthLimitOnEveryExecution() {
        var directives = TestServer.directives();
        var redactor = new Redactor(directives.sensitiveFields(), (w, s, f, r, a) -> { }, Clock.systemUTC());
        var engine = new GraphQlEngine(directives, new InMemoryGraphQlBackend(Clock.systemUTC()), redactor,
                new Limits(100 * 1024, 2, 5000, 50, 100, java.time.Duration.ofSeconds(10), 1000));
        var deep = new GraphQlEngine.Request("{ routers { name status { reachable } } }", null, null);
        Principal who = new Principal("k", Role.VIEWER, true);
        for (int i = 0; i < 2; i++) {
            var result = engine.execute(deep, who);
            assertThat(result.getErrors()).as("execution " + (i + 1)).isNotEmpty();
            assertThat(result.getErrors().getFirst().getMessage()).containsIgnoringCase("depth");
        }
    }
}
