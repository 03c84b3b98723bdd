package com.nasnetconnect.server;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AOT cache training run ({@code ./nnc aot}): exercises the paths a real start-up and first page load
 * take, so the classes they load and link are recorded in the cache.
 */
final class Training {
    private Training() {
    }

    static void exercise(Application app, PrintStream out) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + app.port();
        try {
            String page = get(http, base + "/login");
            Matcher m = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page);
            while (m.find()) get(http, base + "/" + m.group(1));
            for (String path : List.of("/", "/health", "/manifest.webmanifest", "/sw.js", "/graphql")) get(http, base + path);
            Thread.sleep(3000); // let a few router polls run
            out.println("training run done");
        } catch (Exception e) {
            out.println("training run incomplete: " + e.getMessage());
        }
    }

    private static String get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
