package com.nasnetconnect.server.vaadin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EmbeddedVaadinTest {

    @Test
    void everyPushWebSocketOpenedAfterStartGetsSmallAssemblyBuffersNotVaadins16Ki() throws Exception {
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin()) {
            vaadin.start();
            assertThat(vaadin.pushAssemblyBuffer()).isEqualTo(EmbeddedVaadin.PUSH_ASSEMBLY_BUFFER).isLessThan(16 * 1024);
        }
    }

    @Test
    void anIdleSessionIsReclaimedAfterFiveMinutesNotAfterTheServletDefaultHalfHour() throws Exception {
        // The web application context this replaced read Jetty's default descriptor at start, whose 30-minute
        // session-timeout overrode the five minutes set here.
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin()) {
            vaadin.start();
            assertThat(vaadin.sessionTimeoutSeconds()).isEqualTo(EmbeddedVaadin.SESSION_TIMEOUT_SECONDS).isEqualTo(5 * 60);
        }
    }

    @Test
    void servesTheStaticFilesOfVaadinsJarsAndOfTheUi() throws Exception {
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin(); HttpClient http = HttpClient.newHttpClient()) {
            vaadin.start();
            for (String[] file : new String[][] {{"/VAADIN/static/push/vaadinPush-min.js", "javascript"}, {"/styles/nnc.css", "text/css"}}) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(vaadin.uri().resolve(file[0]))
                        .header(EmbeddedVaadin.SECRET_HEADER, vaadin.secret()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(res.statusCode()).as(file[0]).isEqualTo(200);
                assertThat(res.headers().firstValue("content-type")).as(file[0]).hasValueSatisfying(t -> assertThat(t).contains(file[1]));
            }
        }
    }

    @Test
    void anIdleJettyKeepsTwoThreadsNotItsDefaultEight() throws Exception {
        try (EmbeddedVaadin vaadin = new EmbeddedVaadin()) {
            vaadin.start();
            org.eclipse.jetty.util.thread.QueuedThreadPool pool = vaadin.threads();
            assertThat(pool.getMinThreads()).isEqualTo(2);
            assertThat(pool.getIdleTimeout()).isEqualTo(30_000);
            // started and idle: the pool holds no more threads than its minimum and the jobs it started with
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (pool.getThreads() > 2 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(pool.getThreads()).as("threads of an idle Jetty").isLessThanOrEqualTo(2);
        }
    }
}
