package com.nasnetconnect.server.web;

import java.util.Map;

/** One part of readiness: a name, whether it is fine, and details safe to show an authenticated caller. */
public interface Readiness {
    String name();

    Check check();

    record Check(boolean up, Map<String, Object> details) {
        public Check {
            details = Map.copyOf(details);
        }
    }
}
