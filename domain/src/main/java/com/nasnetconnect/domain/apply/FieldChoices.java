package com.nasnetconnect.domain.apply;

import java.util.List;

/**
 * What a reference field (an interface, a bridge, a pool, an address list …) may name on one router: the
 * values of the managed resources it can refer to, the router's own objects of the reference's menu and the
 * builtins ({@code main}, {@code static-only}), sorted and without repeats.
 *
 * @param values     the existing values, sorted
 * @param openEnded  true where the router also accepts objects that live only on the router (the reference has a
 *                   router menu): a picker may take a value typed by hand
 * @param routerRead false when the router's own objects could not be read (unreachable): {@code values} then
 *                   holds only the managed targets and builtins
 */
public record FieldChoices(List<String> values, boolean openEnded, boolean routerRead) {
    public FieldChoices {
        values = List.copyOf(values);
    }
}
