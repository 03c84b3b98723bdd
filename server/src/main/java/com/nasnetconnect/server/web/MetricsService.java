package com.nasnetconnect.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /metrics} in the Prometheus text exposition format (version 0.0.4). Only authenticated callers reach
 * it (the front door's authentication filter).
 * Application gauges are supplied by the wiring; JVM basics are always present.
 */
public final class MetricsService implements HttpService {
    /** One gauge: name (snake_case, {@code nnc_} prefix), help text, and a reader evaluated per scrape. */
    public record Gauge(String name, String help, Supplier<Number> value) {
        public Gauge {
            if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) throw new IllegalArgumentException("bad metric name: " + name);
        }
    }

    private final List<Gauge> gauges;
    private final RequestCounter requests;

    public MetricsService(List<Gauge> gauges, RequestCounter requests) {
        this.gauges = List.copyOf(gauges);
        this.requests = requests;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        StringBuilder out = new StringBuilder(2048);
        var mem = ManagementFactory.getMemoryMXBean();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap memory in use.", mem.getHeapMemoryUsage().getUsed());
        gauge(out, "jvm_memory_nonheap_used_bytes", "Non-heap memory in use.", mem.getNonHeapMemoryUsage().getUsed());
        gauge(out, "jvm_threads_live", "Live threads.", ManagementFactory.getThreadMXBean().getThreadCount());
        gauge(out, "process_uptime_seconds", "Seconds since the process started.",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        for (Gauge g : gauges) gauge(out, g.name(), g.help(), g.value().get());
        out.append("# HELP nnc_http_requests_total HTTP requests answered by the front door, by status class.\n");
        out.append("# TYPE nnc_http_requests_total counter\n");
        requests.snapshot().forEach((cls, n) ->
                out.append("nnc_http_requests_total{status=\"").append(cls).append("\"} ").append(n).append('\n'));
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(out.toString());
    }

    private static void gauge(StringBuilder out, String name, String help, Number value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(format(value)).append('\n');
    }

    private static String format(Number n) {
        if (n instanceof Double || n instanceof Float) return String.format(Locale.ROOT, "%.3f", n.doubleValue());
        return n.toString();
    }
}
