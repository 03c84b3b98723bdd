package com.nasnetconnect.routeros.sim;

import java.util.List;

/** A RouterOS version the simulator can emulate. */
record RosVersion(String text, int major, int minor, int patch) {

    static final List<String> SUPPORTED = List.of("7.16.2", "7.23.3");

    static RosVersion parse(String text) {
        if (text == null || !SUPPORTED.contains(text)) {
            throw new IllegalArgumentException("unsupported RouterOS version: " + text + " (supported: "
                    + String.join(", ", SUPPORTED) + ")");
        }
        String[] p = text.split("\\.");
        return new RosVersion(text, Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    /** From 7.18 an empty print answers {@code !empty} before {@code !done}. */
    boolean sendsEmpty() {
        return atLeast(7, 18);
    }

    /** /container/envs and /container/mounts group items by "list" from 7.20 (before: "name"). */
    String listKey() {
        return atLeast(7, 20) ? "list" : "name";
    }

    /** The container property that references env lists ("envlist" before 7.20, "envlists" from 7.20). */
    String envlistKey() {
        return atLeast(7, 20) ? "envlists" : "envlist";
    }

    /** The container property that references mount lists. */
    String mountsKey() {
        return atLeast(7, 20) ? "mountlists" : "mounts";
    }

    /** The version as /system/resource prints it. */
    String display() {
        return text + " (stable)";
    }
}
