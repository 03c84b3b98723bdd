package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored items of one backing table, in order, with the table's id counter. Ids are "*" + upper-case hex,
 * allocated monotonically and never reused (a removed id stays burnt), as RouterOS does.
 */
final class Table {

    final String path;
    final List<Item> items = new ArrayList<>();
    long nextId = 1;

    Table(String path) {
        this.path = path;
    }

    String allocateId() {
        return "*" + Long.toHexString(nextId++).toUpperCase(java.util.Locale.ROOT);
    }

    Item find(String id) {
        for (Item item : items) {
            if (item.id.equals(id)) {
                return item;
            }
        }
        return null;
    }

    int indexOf(String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id.equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
