package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.common.Echo;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.schema.types.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one place where the domain's refusals become the schema's {@code userErrors}: each names the input field
 * (a path of GraphQL argument and input names) and the bad value, echoed shortened ({@link Echo}).
 */
final class UserErrors {
    private UserErrors() {
    }

    static List<UserError> of(List<String> field, String message, String value) {
        return List.of(error(field, message, value));
    }

    static List<UserError> noRouter(String argument, String id) {
        return of(List.of(argument), "no router " + Echo.of(id), id);
    }

    static List<UserError> noResource(String uuid) {
        return of(List.of("uuid"), "no resource " + Echo.of(uuid), uuid);
    }

    /** An input refusal's problems under GraphQL's names for the in-port's parameters ({@code path}). */
    static List<UserError> refused(InputRefused e, UnaryOperator<List<String>> path) {
        return refused(e, path, at -> "");
    }

    /** As {@link #refused(InputRefused, UnaryOperator)}, each message completed by {@code hint}. */
    static List<UserError> refused(InputRefused e, UnaryOperator<List<String>> path, Function<List<String>, String> hint) {
        return e.problems().stream().map(p -> error(path.apply(p.at()), p.message() + hint.apply(p.at()), p.value())).toList();
    }

    /**
     * A change the domain or the router refused. Validation issues each name their field (under the input path
     * {@code base}) and the bad value; a router refusal names the failing command and the router's message.
     */
    static List<UserError> refusal(RuntimeException e, List<String> base) {
        return switch (e) {
            case ApplyException.Invalid invalid -> invalid.errors().stream().map(i -> {
                List<String> path = switch (i.field()) {
                    case "id", "kind", "nativeId" -> base.getFirst().equals("input") ? List.of("uuid") : base;
                    case "router" -> List.of("routerId");
                    default -> plus(base, List.of(i.field()));
                };
                return error(path, i.field() + (i.value() == null ? "" : "='" + i.value() + "'") + ": " + i.message(), i.value());
            }).toList();
            case ApplyException.Rejected r -> of(base, "the router refused command " + r.failedStep() + " of "
                    + r.totalSteps() + " (" + r.failedCommand() + "): " + r.routerMessage() + "; "
                    + (r.routerRestored() ? "the commands before it were undone" : "the router reverts on its own"), null);
            case ApplyException a -> of(base, a.getMessage(), null);
            case RouterException r -> of(base, "router problem: " + r.getMessage(), null);
            default -> of(base, e.getMessage(), null);
        };
    }

    static UserError error(List<String> field, String message, String value) {
        return new UserError(field, message, value == null ? null : Echo.of(value));
    }

    static List<String> plus(List<String> path, List<String> more) {
        var out = new ArrayList<>(path);
        out.addAll(more);
        return List.copyOf(out);
    }
}
