package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One router command of a validated plan, with what is needed to undo it.
 *
 * @param nativeId the object's {@code .id} on the router before the step (empty for {@link Op#ADD})
 * @param preState the object's row as the pre-flight read saw it (empty for {@link Op#ADD})
 */
public record PlanStep(Op op, DesiredResource resource, RouterCommand command, Optional<String> nativeId,
                       Map<String, String> preState) {
    public enum Op { ADD, SET, REMOVE }

    public PlanStep {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(nativeId, "nativeId");
        preState = Collections.unmodifiableMap(new LinkedHashMap<>(preState));
    }

    @Override
    public String toString() {
        return command.toString();
    }
}
