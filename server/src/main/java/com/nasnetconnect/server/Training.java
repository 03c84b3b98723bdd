package com.nasnetconnect.server;

import io.helidon.webclient.api.WebClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AOT cache training run ({@code ./nnc aot}): exercises the paths a real start-up and first page load
 * take, so the classes they load and link are recorded in the cache.
 *
 * <p>Every class the run loads is in the cache, and every start loads the whole cache: the requests go out with
 * Helidon's client, which the server loads anyway (it forwards to the UI with it), not the JDK's HttpClient, which
 * would put ~450 classes (its HTTP stack and the TLS the JDK sets up for it) into every start.
 */
final class Training {
    private Training() {
    }

    static void exercise(Application app, PrintStream out) {
        WebClient http = WebClient.builder().baseUri("http://127.0.0.1:" + app.port()).connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20)).followRedirects(false).tls(tls -> tls.enabled(false)).build();
        try {
            String page = get(http, "/login");
            Matcher m = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page);
            while (m.find()) get(http, "/" + m.group(1));
            for (String path : List.of("/", "/health", "/manifest.webmanifest", "/sw.js", "/graphql")) get(http, path);
            Thread.sleep(3000); // let a few router polls run
            out.println("training run done");
        } catch (Exception e) {
            out.println("training run incomplete: " + e.getMessage());
        }
    }

    private static String get(WebClient http, String path) {
        try (var response = http.get(path).request()) {
            return response.as(String.class);
        }
    }
}
