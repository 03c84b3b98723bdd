package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import java.util.LinkedHashMap;

/** Error-message text for commands: {@link RouterCommand#toString()}, with very long values shortened. */
final class Describe {
    static final int MAX_VALUE = 200;

    private Describe() {
    }

    static String command(RouterCommand command) {
        boolean longValue = command.attributes().values().stream().anyMatch(v -> v.length() > MAX_VALUE);
        if (!longValue) return command.toString();
        var shortened = new LinkedHashMap<String, String>();
        command.attributes().forEach((k, v) -> shortened.put(k, v.length() <= MAX_VALUE ? v
                : v.substring(0, MAX_VALUE) + "…(" + v.length() + " chars)"));
        return new RouterCommand(command.path(), shortened, command.queries(), command.proplist()).toString();
    }
}
