package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The inverse of an applied step, computed from the pre-state the router reported before the plan. */
final class UndoCommands {
    private UndoCommands() { }

    /**
     * @param newId the {@code .id} the router returned for an {@code add}
     */
    static RouterCommand inverse(ResourceKindSpecs specs, PlanStep step, Optional<String> newId) {
        var spec = specs.spec(step.resource().kind());
        return switch (step.op()) {
            case ADD -> RouterCommand.of(spec.path("remove")).with(".id", newId.orElseThrow(() ->
                    new IllegalStateException("router returned no .id for " + step.command())));
            case SET -> {
                var cmd = RouterCommand.of(spec.path("set")).with(".id", step.nativeId().orElseThrow());
                for (String attr : step.command().attributes().keySet()) {
                    if (!attr.equals(".id")) cmd = cmd.with(attr, step.preState().getOrDefault(attr, ""));
                }
                yield cmd;
            }
            case REMOVE -> {
                var cmd = RouterCommand.of(spec.path("add"));
                for (var e : readdAttributes(specs, step).entrySet()) cmd = cmd.with(e.getKey(), e.getValue());
                yield cmd;
            }
        };
    }

    /** The writable, mapped attributes of a removed object's pre-state (read-only ones would be refused). */
    static Map<String, String> readdAttributes(ResourceKindSpecs specs, PlanStep step) {
        var spec = specs.spec(step.resource().kind());
        var out = new LinkedHashMap<String, String>();
        for (FieldBinding b : specs.mapping().bindings(step.resource().kind())) {
            String v = step.preState().get(b.routerAttribute());
            if (v != null && !v.isEmpty() && !spec.generated().contains(b.routerAttribute())) out.put(b.routerAttribute(), v);
        }
        return out;
    }
}
