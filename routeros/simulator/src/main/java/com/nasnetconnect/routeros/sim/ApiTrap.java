package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure the router reports as one or more {@code !trap} sentences (followed by {@code !done}).
 * Categories follow RouterOS: 0 missing item or command, 1 argument value failure, 2 execution interrupted,
 * 3 scripting failure, 4 general failure, 5 API failure. A null category sends no {@code =category=} word,
 * as RouterOS does for several messages (e.g. "no such command prefix").
 */
final class ApiTrap extends RuntimeException {

    record Trap(Integer category, String message) {
    }

    private final List<Trap> traps;

    ApiTrap(Integer category, String message) {
        this(List.of(new Trap(category, message)));
    }

    ApiTrap(List<Trap> traps) {
        super(traps.getLast().message(), null, false, false);
        this.traps = List.copyOf(traps);
    }

    List<Trap> traps() {
        return traps;
    }

    static ApiTrap argument(String message) {
        return new ApiTrap(1, message);
    }

    static ApiTrap failure(String message) {
        return new ApiTrap(null, "failure: " + message);
    }

    static ApiTrap noSuchItem() {
        return new ApiTrap(0, "no such item");
    }

    static ApiTrap unknownParameter(String name) {
        return new ApiTrap(null, "unknown parameter " + name);
    }

    /** RouterOS answers an unknown menu word with two traps. */
    static ApiTrap noSuchDirectory(String word) {
        List<Trap> list = new ArrayList<>();
        list.add(new Trap(0, "no such command or directory (" + word + ")"));
        list.add(new Trap(null, "no such command prefix"));
        return new ApiTrap(list);
    }

    static ApiTrap noSuchCommand() {
        return new ApiTrap(0, "no such command");
    }
}
