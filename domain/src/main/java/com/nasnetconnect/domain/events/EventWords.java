package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceLabels;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An event in the user's words, the same wherever it is shown: what it concerns ({@link #subject}: "VLAN guest",
 * "service nnc-tor-usa", "router office") and what happened to it ({@link #action}: "created", "changed name,
 * vlanId", "unreachable: no route to host"). Never a uuid: a resource event without the {@code label} its producer
 * records today (one written before labels existed) is named by its kind in words and, when known, its name.
 */
public final class EventWords {
    private EventWords() {
    }

    /** What the event concerns; {@code routerName} names the router for router-wide events. */
    public static String subject(LoggedEvent e, String routerName) {
        Map<String, Object> d = e.data();
        String type = e.type();
        if (type.equals("resource.validation-refused")) return text(d, "refused").orElse("a change");
        if (type.startsWith("resource.")) {
            Optional<String> label = text(d, "label");
            if (label.isPresent()) return label.get();
            String kind = text(d, "kind").flatMap(EventWords::kindInWords).orElse("resource");
            return text(d, "name").map(n -> kind + " " + n).orElse(kind);
        }
        if (type.startsWith("service.")) {
            return "service " + text(d, "interface").or(() -> text(d, "name")).orElse("");
        }
        if (type.equals("telemetry.interface")) return text(d, "interface").map(i -> "interface " + i).orElse("interfaces");
        if (type.equals("telemetry.resource")) {
            return text(d, "label").or(() -> text(d, "kind").flatMap(EventWords::kindInWords)).orElse("resource");
        }
        if (type.startsWith("router.") || type.startsWith("telemetry.")) {
            return "router " + text(d, "router").orElse(routerName);
        }
        if (e.routerId().isEmpty()) return text(d, "subject").orElse("server");
        return "router " + routerName;
    }

    /** What happened, in a few words; the event's own summary for types this does not know. */
    public static String action(LoggedEvent e) {
        Map<String, Object> d = e.data();
        List<String> fields = list(d, "changedFields");
        String changed = fields.isEmpty() ? "" : " " + String.join(", ", fields);
        return switch (e.type()) {
            case "resource.created" -> "created";
            case "resource.adopted" -> "adopted from the router";
            case "resource.configured" -> "changed" + changed;
            case "resource.validated" -> "validated";
            case "resource.deployed" -> "applied to the router";
            case "resource.undeployed" -> "removed from the router";
            case "resource.drift-checked" -> fields.isEmpty() ? "checked for drift" : "drift found in" + changed;
            case "resource.metadata-changed" -> "metadata changed";
            case "resource.relationships-changed" -> "references changed";
            case "resource.platform-changed" -> "platform changed";
            case "resource.deleted" -> "deleted";
            case "resource.validation-refused" -> "refused by validation" + (list(d, "fields").isEmpty() ? ""
                    : " (" + String.join(", ", list(d, "fields")) + ")");
            case "service.installed" -> "installed" + text(d, "template").map(t -> " from " + t).orElse("")
                    + text(d, "vlanId").map(v -> ", VLAN " + v).orElse("") + text(d, "subnet").map(s -> ", " + s).orElse("");
            case "service.uninstalled" -> "uninstalled";
            case "service.state" -> "is " + text(d, "state").map(s -> s.toLowerCase(Locale.ROOT)).orElse("changed")
                    + text(d, "health").filter(h -> !h.equals("UNKNOWN")).map(h -> ", " + h.toLowerCase(Locale.ROOT)).orElse("")
                    + text(d, "reason").map(r -> ": " + r).orElse("");
            case "router.reachable" -> "reachable again";
            case "router.unreachable" -> "unreachable: " + text(d, "reason").orElse("no answer");
            case "telemetry.interface", "telemetry.resource" -> "counters read";
            default -> e.summary();
        };
    }

    /** The fields a resource event changed, by name (values are not in the event log; see the resource history). */
    public static List<String> changedFields(LoggedEvent e) {
        return e.type().startsWith("resource.") ? list(e.data(), "changedFields") : List.of();
    }

    /** "critical", "normal", "low". */
    public static String classInWords(EventClass c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> kindInWords(String kind) {
        try {
            return Optional.of(ResourceLabels.kind(ResourceKind.valueOf(kind)));
        } catch (IllegalArgumentException unknown) {
            return Optional.of(kind.replace('_', ' ').toLowerCase(Locale.ROOT));
        }
    }

    private static Optional<String> text(Map<String, Object> d, String key) {
        Object v = d.get(key);
        if (v == null || v instanceof Map || v instanceof List) return Optional.empty();
        String s = String.valueOf(v);
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static List<String> list(Map<String, Object> d, String key) {
        return d.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
