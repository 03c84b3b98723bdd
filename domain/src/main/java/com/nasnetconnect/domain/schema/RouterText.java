package com.nasnetconnect.domain.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * The one conversion of a configuration value to the text RouterOS is sent and compared with. Used by the
 * generated {@code Configuration} records (typed inputs), the GraphQL mapper and the apply ledger alike, so a
 * value has one router text wherever it comes from.
 *
 * <ul>
 *   <li>text as it is;</li>
 *   <li>booleans {@code yes} / {@code no} (RouterOS words);</li>
 *   <li>whole numbers as digits; a floating-point number with no fraction as digits too ({@code 10.0} ->
 *       {@code 10}, as RouterOS reports it), otherwise in plain decimal notation, never with an exponent
 *       ({@code 1.5}, {@code 0.0000001}); NaN and infinities are refused;</li>
 *   <li>durations as RouterOS durations in whole seconds ({@code 1h30m}, {@code 0s});</li>
 *   <li>lists and sets comma-joined, each item converted by these same rules ({@code 10,20}).</li>
 * </ul>
 * Any other type is refused naming it: a value that has no agreed router text must not reach a router.
 */
public final class RouterText {
    private RouterText() {
    }

    public static String of(Object value) {
        Objects.requireNonNull(value, "a null value has no router text");
        return switch (value) {
            case String s -> s;
            case Boolean b -> b ? "yes" : "no";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case BigInteger i -> i.toString();
            case Double d -> decimal(d);
            case Float f -> decimal(f.doubleValue());
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Duration d -> RouterOsDurations.format(d);
            case Collection<?> c -> String.join(",", c.stream().map(RouterText::of).toList());
            case Enum<?> e -> e.name();
            default -> throw new IllegalArgumentException("no router text for a value of type "
                    + value.getClass().getSimpleName());
        };
    }

    private static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("not a finite number: " + d);
        if (d == Math.rint(d) && Math.abs(d) < 1e18) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
