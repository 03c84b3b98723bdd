package com.nasnetconnect.routeros.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** One configuration item of a menu: its permanent {@code .id} and its stored properties (in print order). */
final class Item {

    final String id;
    final LinkedHashMap<String, String> props;

    Item(String id, Map<String, String> props) {
        this.id = id;
        this.props = new LinkedHashMap<>(props);
    }

    String get(String key) {
        return props.get(key);
    }

    Item copy() {
        return new Item(id, props);
    }
}
