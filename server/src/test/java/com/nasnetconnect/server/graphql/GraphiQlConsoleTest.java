package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The GraphiQL console at /graphql is served whole from the server's jar: nothing from another origin. */
@Timeout(30)
class GraphiQlConsoleTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> referencedFiles(String page) {
        var m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        var out = new ArrayList<String>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aBrowserGetsGraphiQlWithReactFromTheJarAndAPolicyThatAllowsNoOtherOrigin() throws Exception {
        var page = get("/graphql", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'").doesNotContain("http", "*"));
        assertThat(page.body()).doesNotContain("http://", "https://", "//cdn", "unpkg", "jsdelivr");
        assertThat(referencedFiles(page.body())).containsExactly(
                "/graphql/console/graphiql.min.css", "/graphql/console/console.css",
                "/graphql/console/react.production.min.js", "/graphql/console/react-dom.production.min.js",
                "/graphql/console/graphiql.min.js", "/graphql/console/console.js");
    }

    @Test
    void servesEveryFileThePageNamesWithItsTypeAndNoneLoadsFromElsewhere() throws Exception {
        for (String file : referencedFiles(get("/graphql", "text/html").body())) {
            var r = get(file, null);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).as(file)
                    .hasValueSatisfying(v -> assertThat(v).startsWith(file.endsWith(".js") ? "text/javascript" : "text/css"));
            assertThat(r.body()).as(file).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//").doesNotContain("@import");
        }
        assertThat(get("/graphql/console/graphiql.min.js", null).body()).contains("graphiql-container").hasSizeGreaterThan(500_000);
        assertThat(get("/graphql/console/react.production.min.js", null).body()).contains("react.production.min.js");
        assertThat(get("/graphql/console/console.js", null).body())
                .contains("graphql-transport-ws", "connection_init", "credentials: 'same-origin'")
                .doesNotContain("http://", "https://");
    }

    @Test
    void answersTheIntrospectionQueryConsolesSendAlthoughItNestsDeeperThanTheDepthLimit() {
        var shallow = new Limits(100 * 1024, 4, 5000, 50, 100, Duration.ofSeconds(10), 100);
        try (var s = new TestServer(shallow)) {
            var viewer = TestServer.KEYS.get("viewer-key");
            var schema = s.engine.execute(new GraphQlEngine.Request(IntrospectionQuery.INTROSPECTION_QUERY, "IntrospectionQuery",
                    Map.of()), viewer);
            assertThat(schema.getErrors()).isEmpty();
            assertThat(schema.<Map<String, Object>>getData()).containsKey("__schema");

            var mixed = s.engine.execute(new GraphQlEngine.Request("{ __typename resources(routerId: \"r1\", first: 1) "
                    + "{ edges { node { metadata { tags } } } } }", null, Map.of()), viewer);
            assertThat(mixed.getErrors()).as("only introspection alone is exempt").singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).isEqualTo("query too deep: depth 5 exceeds the limit of 4"));
        }
    }

    @Test
    void answersAnUnknownConsoleFileWith404() throws Exception {
        assertThat(get("/graphql/console/secrets.txt", null).statusCode()).isEqualTo(404);
        assertThat(get("/graphql/console/..%2Fconsole.html", null).statusCode()).isEqualTo(404);
    }
}
