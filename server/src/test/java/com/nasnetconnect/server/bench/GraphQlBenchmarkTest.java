package com.nasnetconnect.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(240)
class GraphQlBenchmarkTest {

    @Test
    void benchGraphQlMeasuresBothEndpointsOfARealServerAndPrintsTheRatioOnItsFirstLine() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("graphql", "--seconds", "1", "--load", "java"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(first).matches("graphql: [1-9]\\d* q/s, /health [1-9]\\d* q/s, ratio \\d+\\.\\d\\d \\(8 connections, java\\)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"graphql --seconds 0", "graphql --seconds ten", "graphql --load curl", "graphql --connections"})
    void aBadBenchGraphQlCommandLineIsRefusedNamingTheBadValue(String line) {
        var err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of(line.split(" ")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'" + line.substring(line.lastIndexOf(' ') + 1) + "'");
    }
}
