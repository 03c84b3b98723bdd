package com.nasnetconnect.server.web;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts answered requests by status class (2xx, 3xx, …) for {@code /metrics}. */
public final class RequestCounter implements Filter {
    private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        try {
            chain.proceed();
        } finally {
            int code = res.status().code();
            int cls = code / 100;
            if (cls >= 1 && cls <= 5) byClass[cls - 1].increment();
        }
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < byClass.length; i++) m.put((i + 1) + "xx", byClass[i].sum());
        return m;
    }
}
