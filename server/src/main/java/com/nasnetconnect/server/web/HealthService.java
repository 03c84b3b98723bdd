package com.nasnetconnect.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /health} and {@code /health/live}: liveness, open to anyone and revealing nothing but "UP".
 * {@code /health/ready}: readiness with the state of the databases and router connections; the front door's
 * authentication filter lets only authenticated callers reach it, as it names routers and files. 503 when any
 * part is down.
 */
public final class HealthService implements HttpService {
    private static final String LIVE = "{\"status\":\"UP\"}";
    private final List<Readiness> parts;
    /** Jackson 2's defaults, as every mapper of ours: the answer is written as before the move to Jackson 3. */
    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();

    public HealthService(List<Readiness> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::live).get("/live", this::live).get("/ready", this::ready);
    }

    private void live(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(LIVE);
    }

    private void ready(ServerRequest req, ServerResponse res) throws Exception {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean up = true;
        for (Readiness part : parts) {
            Readiness.Check c;
            try {
                c = part.check();
            } catch (RuntimeException e) {
                c = new Readiness.Check(false, Map.of("error", String.valueOf(e.getMessage())));
            }
            up &= c.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", c.up() ? "UP" : "DOWN");
            entry.putAll(c.details());
            checks.put(part.name(), entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json.writeValueAsBytes(body));
    }
}
