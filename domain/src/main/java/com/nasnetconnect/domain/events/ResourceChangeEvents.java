package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.state.SensitiveState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The event-log view of a committed resource change. The resource history ({@code resource_events}) keeps the
 * values; this view names the changed fields only, so no configuration value (secret or not) reaches a tier.
 * Drift checks and validation are NORMAL (lifecycle); every other change of a router is CRITICAL. Each names its
 * resource in words ({@code label}: "VLAN guest", {@link ResourceLabels}) as it was at the change, so the log can
 * name a resource deleted long ago; the label is made from the configuration with {@code @sensitive} values masked.
 */
public final class ResourceChangeEvents {
    private ResourceChangeEvents() {
    }

    public static EventClass classOf(ChangeType type) {
        return switch (type) {
            case DRIFT_CHECKED, VALIDATED -> EventClass.NORMAL;
            default -> EventClass.CRITICAL;
        };
    }

    /** {@code resource.created}, {@code resource.drift-checked}, … */
    public static String typeOf(ChangeType type) {
        return "resource." + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The resource's name in the user's terms: its configured name after the change, else before it. */
    static Optional<String> nameOf(ResourceEvent e) {
        Optional<String> now = e.state().flatMap(r -> r.configuration().string("name")).filter(n -> !n.isBlank());
        if (now.isPresent()) return now;
        for (FieldDifference d : e.changes()) {
            if (!d.field().equals("name")) continue;
            return d.after().or(d::before).map(String::valueOf).filter(n -> !n.isBlank());
        }
        return Optional.empty();
    }

    /**
     * "VLAN guest", "IP address 10.0.0.1/24 on bridge1": from the configuration after the change or, for a delete,
     * the one it had before; the kind in words when nothing tells the resource apart.
     */
    static String labelOf(ResourceEvent e) {
        Fields configuration = e.state().map(r -> r.configuration()).orElseGet(() -> before(e));
        return ResourceLabels.describe(e.kind(), SensitiveState.redact(e.kind(), configuration));
    }

    private static Fields before(ResourceEvent e) {
        var values = new LinkedHashMap<String, Object>();
        for (FieldDifference d : e.changes()) d.before().ifPresent(v -> values.put(d.field(), v));
        try {
            return new Fields(values);
        } catch (IllegalArgumentException notFields) {
            return Fields.EMPTY;
        }
    }

    public static LoggedEvent of(ResourceEvent e) {
        List<String> fields = e.changes().stream().map(FieldDifference::field).toList();
        var data = new LinkedHashMap<String, Object>();
        data.put("resourceId", e.resourceId().toString());
        data.put("kind", e.kind().name());
        data.put("version", e.version());
        data.put("changedFields", fields);
        Optional<String> name = nameOf(e);
        name.ifPresent(n -> data.put("name", n));
        data.put("label", labelOf(e));
        String summary = e.kind().name() + " " + name.map(n -> "'" + n + "'").orElse(e.resourceId().toString()) + " "
                + e.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " (version " + e.version() + (fields.isEmpty() ? "" : ", fields " + String.join(", ", fields)) + ")";
        EventClass c = classOf(e.type());
        return new LoggedEvent(EventIds.ofResourceChange(e.routerId(), e.sequence()), Optional.of(e.routerId()), c, typeOf(e.type()),
                e.at(), e.actor(), summary, EventData.masked(data), c == EventClass.CRITICAL ? EventTier.WARM : EventTier.HOT);
    }
}
