package com.nasnetconnect.ui.charts;

import java.util.Locale;

/**
 * How a chart's values are read by a person: the unit of the axis labels and of a single value ("12 %",
 * "48 MB", "3.2 Mbit/s"), and the top of the scale.
 */
public enum ChartUnit {
    /** 0–100, always scaled to 100. */
    PERCENT,
    /** Bytes, labelled in kB/MB/GB (powers of 1000: what a person compares with a router's spec sheet). */
    BYTES,
    /** Bits per second, labelled in bit/s, kbit/s, Mbit/s, Gbit/s. */
    BITS_PER_SECOND;

    /** One value in this unit, e.g. "12 %", "48 MB", "3.2 Mbit/s". */
    public String format(double value) {
        return switch (this) {
            case PERCENT -> Math.round(value) + " %";
            case BYTES -> scaled(value, new String[]{"B", "kB", "MB", "GB", "TB"});
            case BITS_PER_SECOND -> scaled(value, new String[]{"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"});
        };
    }

    /** The top of a scale that holds {@code max}: 100 for percent, else a round number (1, 2 or 5 × 10ⁿ) ≥ max. */
    double top(double max) {
        if (this == PERCENT) return 100;
        if (!(max > 0)) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * magnitude >= max) return step * magnitude;
        }
        return 10 * magnitude;
    }

    private static String scaled(double value, String[] units) {
        double v = Math.abs(value);
        int i = 0;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        double signed = Math.signum(value) * v;
        String number = i == 0 || v >= 100 || v == Math.rint(v)
                ? String.valueOf(Math.round(signed))
                : String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", signed);
        return number + " " + units[i];
    }
}
