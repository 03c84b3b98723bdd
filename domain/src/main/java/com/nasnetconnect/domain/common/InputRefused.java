package com.nasnetconnect.domain.common;

import java.util.List;
import java.util.Objects;

/**
 * A request the domain refused before acting on it, because of what the request itself says: nothing was
 * saved and nothing reached a router. Each {@link Problem} says where in the request it is (a path of the
 * in-port's parameter and field names), what is wrong in user terms, and the bad value (shortened as
 * {@link Echo} does; never a secret). Adapters turn the path into their own input names.
 */
public final class InputRefused extends IllegalArgumentException {
    private final List<Problem> problems;

    public InputRefused(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InputRefused of(List<String> at, String message, String value) {
        return new InputRefused(List.of(new Problem(at, message, value)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param at      e.g. {@code ["changes", "2", "uuid"]}; empty for the request as a whole
     * @param message what is wrong, naming the bad value
     * @param value   the bad value as given (null when there is none to show)
     */
    public record Problem(List<String> at, String message, String value) {
        public Problem {
            at = List.copyOf(at);
            Objects.requireNonNull(message, "message");
            if (value != null) value = Echo.of(value);
        }
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("an input refusal names at least one problem");
        return String.join("; ", problems.stream().map(p -> (p.at().isEmpty() ? "" : String.join(".", p.at()) + ": ")
                + p.message()).toList());
    }
}
