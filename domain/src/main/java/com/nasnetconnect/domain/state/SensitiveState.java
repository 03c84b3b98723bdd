package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.Secrets;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Resources and events with the values the schema marks {@code @sensitive} masked ({@link Secrets}, generated
 * from schema.graphql): what the in-process event bus hands its listeners. The stores keep the originals.
 */
public final class SensitiveState {
    private SensitiveState() {
    }

    /** A copy of a kind's configuration with every sensitive value masked. */
    public static Fields redact(ResourceKind kind, Fields configuration) {
        var secret = Secrets.configurationFields(kind);
        if (secret.isEmpty() || secret.stream().noneMatch(configuration::has)) return configuration;
        var out = new LinkedHashMap<String, Object>(configuration.values());
        out.replaceAll((field, value) -> secret.contains(field) ? Redactor.MASK : value);
        return new Fields(out);
    }

    /**
     * An event as it may travel the in-process bus: the sensitive configuration values of its state and of its
     * changes masked. The event log keeps the original; only what listeners see is masked.
     */
    public static ResourceEvent redact(ResourceEvent e) {
        var secret = Secrets.configurationFields(e.kind());
        if (secret.isEmpty()) return e;
        var changes = e.changes().stream().map(d -> secret.contains(d.field())
                ? new FieldDifference(d.field(), d.before().map(v -> (Object) Redactor.MASK), d.after().map(v -> (Object) Redactor.MASK))
                : d).toList();
        Optional<Resource> state = e.state().map(r -> new Resource(r.id(), r.routerId(), r.kind(),
                redact(r.kind(), r.configuration()), r.validation(), r.deployment(), r.runtime(), r.telemetry(),
                r.metadata(), r.relationships(), r.platform()));
        return new ResourceEvent(e.sequence(), e.routerId(), e.resourceId(), e.kind(), e.type(), e.at(), e.actor(),
                e.version(), changes, state);
    }

}
