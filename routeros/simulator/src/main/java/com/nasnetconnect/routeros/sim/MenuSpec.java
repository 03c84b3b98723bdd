package com.nasnetconnect.routeros.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator knows about one menu: where its items are stored, defaults, required and unique
 * properties, references to other menus and the hooks that give it real semantics.
 *
 * @param path the API menu, e.g. "/interface/vlan"
 * @param table the backing table; interface sub-menus share "/interface" so an interface has one .id and one
 *              name space across /interface and its type menu
 * @param type for a typed view of a shared table, the value of the stored "type" property; null otherwise
 * @param singleton a menu with one unnamed item and no .id (e.g. /system/identity)
 * @param defaults property defaults applied on add
 * @param required properties that add needs
 * @param nameKey the property that names an item (usable as a selector, unique per table), or null
 * @param refs property name to referenced menu
 * @param hidden stored properties not printed by this menu
 * @param only when not null, the only stored properties this menu prints (e.g. /interface shows the common
 *             interface properties, not the type-specific ones)
 * @param autoName the prefix of generated names ("vlan" gives vlan1, vlan2...), or null when the name is required
 * @param duplicateMessage the trap message for a duplicate name
 * @param hooks menu-specific behaviour
 */
record MenuSpec(String path, String table, String type, boolean singleton, Map<String, String> defaults,
                List<String> required, String nameKey, Map<String, Ref> refs, Set<String> hidden, Set<String> only,
                String autoName, String duplicateMessage, Hooks hooks) {

    /** A reference from a property to the items of another menu, matched by their name property. */
    record Ref(String menu, String key, Set<String> literals) {
    }

    /** Menu-specific behaviour. All hooks run under the state lock. */
    interface Hooks {
        /** Fills derived and read-only properties; may throw ApiTrap to reject the change. */
        default void derive(RouterState state, Item item, boolean added) {
        }

        /** Adds live (computed at print time) properties. */
        default void live(RouterState state, Item item, Map<String, String> out) {
        }

        /** Rejects a removal (e.g. physical ports). */
        default void beforeRemove(RouterState state, Item item) {
        }

        /** Dynamic items the router derives (e.g. connected routes); printed after the stored ones, read-only. */
        default List<Item> dynamicItems(RouterState state) {
            return List.of();
        }

        /** Runs after an add committed (e.g. start a simulated image pull). */
        default void afterAdd(RouterState state, Item item) {
        }
    }

    static final Hooks NO_HOOKS = new Hooks() {
    };

    boolean stores(Item item) {
        return type == null || type.equals(item.get("type"));
    }
}
