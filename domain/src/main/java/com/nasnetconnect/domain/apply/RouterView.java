package com.nasnetconnect.domain.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows read from a router, by menu (e.g. {@code /interface/vlan}): the pre-flight read of a plan. */
public record RouterView(Map<String, List<Map<String, String>>> rows) {
    public RouterView {
        rows = Map.copyOf(rows);
    }

    public List<Map<String, String>> menu(String menu) {
        return rows.getOrDefault(menu, List.of());
    }

    public Optional<Map<String, String>> byId(String menu, String nativeId) {
        return menu(menu).stream().filter(r -> nativeId.equals(r.get(".id"))).findFirst();
    }
}
