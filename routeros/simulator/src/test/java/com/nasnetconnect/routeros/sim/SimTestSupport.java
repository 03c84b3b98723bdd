package com.nasnetconnect.routeros.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers that turn raw replies into values for readable tests. */
final class SimTestSupport {

    private SimTestSupport() {
    }

    static List<List<String>> call(RawApiClient c, String... words) {
        try {
            return c.call(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command that must succeed; returns its =ret= or null. */
    static String ok(RawApiClient c, String... words) {
        List<List<String>> r = call(c, words);
        String ret = null;
        for (List<String> s : r) {
            if (s.getFirst().equals("!trap")) {
                throw new AssertionError("unexpected trap for " + List.of(words) + ": " + s);
            }
            for (String w : s) {
                if (w.startsWith("=ret=")) {
                    ret = w.substring(5);
                }
            }
        }
        return ret;
    }

    /** Runs a command that must fail; returns the message of its last trap. */
    static String trap(RawApiClient c, String... words) {
        List<List<String>> r = call(c, words);
        String message = null;
        for (List<String> s : r) {
            if (s.getFirst().equals("!trap")) {
                for (String w : s) {
                    if (w.startsWith("=message=")) {
                        message = w.substring(9);
                    }
                }
            }
        }
        if (message == null) {
            throw new AssertionError("expected a trap for " + List.of(words) + " but got " + r);
        }
        return message;
    }

    /** Runs a print; returns the rows as maps. */
    static List<Map<String, String>> rows(RawApiClient c, String... words) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> s : call(c, words)) {
            if (s.getFirst().equals("!trap")) {
                throw new AssertionError("unexpected trap: " + s);
            }
            if (!s.getFirst().equals("!re")) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String w : s.subList(1, s.size())) {
                if (w.startsWith("=")) {
                    int eq = w.indexOf('=', 1);
                    row.put(w.substring(1, eq), w.substring(eq + 1));
                }
            }
            out.add(row);
        }
        return out;
    }

    static Map<String, String> row(RawApiClient c, String... words) {
        List<Map<String, String>> r = rows(c, words);
        if (r.size() != 1) {
            throw new AssertionError("expected one row for " + List.of(words) + " but got " + r);
        }
        return r.getFirst();
    }

    static RawApiClient login(RouterOsSimulator sim) {
        try {
            RawApiClient c = new RawApiClient(sim.apiPort());
            c.login("admin", "pw");
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
