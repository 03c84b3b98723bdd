package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.Redactor;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class GraphQlWiringTest {
    private final SchemaDirectives directives = TestServer.directives();
    private final Redactor redactor = new Redactor(directives.sensitiveFields(), (w, s, f, r, a) -> { }, Clock.systemUTC());
    private final Fetchers fetchers = new Fetchers(new InMemoryGraphQlBackend(Clock.systemUTC()), 10);

    @Test
    void everyQueryMutationAndSubscriptionFieldHasAFetcher() {
        assertThat(GraphQlWiring.missingFetchers(directives, GraphQlWiring.table(fetchers))).isEmpty();
    }

    @Test
    void namesAFieldAddedToTheSchemaWithoutAFetcher() {
        var extended = SchemaDirectives.parse(directives.text()
                + "\nextend type Mutation { rebootRouter(id: ID!): RouterPayload! }\nextend type Query { uptime: Int }");
        assertThat(GraphQlWiring.missingFetchers(extended, GraphQlWiring.table(fetchers)))
                .containsExactly("Query.uptime", "Mutation.rebootRouter");
    }

    @Test
    void refusesToBuildAnEngineWhenAFieldHasNoFetcher() {
        var extended = SchemaDirectives.parse(directives.text() + "\nextend type Subscription { ticks: Int }");
        assertThatThrownBy(() -> new GraphQlEngine(extended, new InMemoryGraphQlBackend(Clock.systemUTC()), redactor, Limits.defaults()))
                .hasMessageContaining("Subscription.ticks");
    }

    @Test
    void masksSecretsInFreeFormJsonUnderTheirFieldOrRouterAttributeName() {
        var keys = GraphQlWiring.secretKeys(directives, redactor);
        assertThat(keys).contains("privateKey", "private-key", "private_key", "presharedKey", "preshared-key");
        var masked = GraphQlWiring.maskJson(java.util.Map.of("name", "wg0", "private-key", "AAAA",
                "peers", java.util.List.of(java.util.Map.of("presharedKey", "BBBB", "public-key", "CCCC"))), keys);
        assertThat(masked.toString()).doesNotContain("AAAA").doesNotContain("BBBB").contains("CCCC").contains("wg0");
    }
}
