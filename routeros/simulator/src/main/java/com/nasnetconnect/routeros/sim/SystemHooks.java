package com.nasnetconnect.routeros.sim;

import java.util.Map;

/** Live properties of /system/resource. */
final class SystemHooks {

    private SystemHooks() {
    }

    static final long TOTAL_MEMORY = 1024L * 1024 * 1024;

    static final MenuSpec.Hooks RESOURCE = new MenuSpec.Hooks() {
        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            long up = s.uptimeMillis();
            long sec = up / 1000;
            out.put("uptime", Durations.format(sec));
            out.put("version", s.version.display());
            out.put("build-time", s.version.text().equals("7.16.2") ? "2024-11-29 12:22:08" : "2025-11-20 10:11:12");
            out.put("factory-software", "7.1");
            long wobble = (long) ((Math.sin(up / 7000.0) + 1) * 24 * 1024 * 1024);
            out.put("free-memory", Long.toString(TOTAL_MEMORY - 180L * 1024 * 1024 - wobble));
            out.put("total-memory", Long.toString(TOTAL_MEMORY));
            out.put("cpu", "QEMU");
            out.put("cpu-count", "2");
            out.put("cpu-frequency", "2400");
            out.put("cpu-load", Long.toString(Math.round((Math.sin(up / 3000.0) + 1) * 7 + (sec % 3))));
            out.put("free-hdd-space", "92274688");
            out.put("total-hdd-space", "134217728");
            out.put("write-sect-since-reboot", Long.toString(1200 + sec / 10));
            out.put("write-sect-total", Long.toString(50000 + sec / 10));
            out.put("architecture-name", "x86_64");
            out.put("board-name", "CHR");
            out.put("platform", "MikroTik");
        }
    };

    static final MenuSpec.Hooks SCHEDULER = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            Durations.parseMillis(item.get("interval"), "interval");
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("next-run", s.nextRun(item.id));
        }
    };
}
