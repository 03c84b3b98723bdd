package com.nasnetconnect.server.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options after a sub-command; refuses unknown and repeated options, naming them. */
record CliArgs(String command, Map<String, String> options) {
    static CliArgs parse(String[] args, int from, Set<String> allowed) {
        String command = args.length > from ? args[from] : "";
        Map<String, String> opts = new HashMap<>();
        for (int i = from + 1; i < args.length; i++) {
            String a = args[i];
            String name;
            String value;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(2, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("--")) {
                name = a.substring(2);
                if (i + 1 >= args.length) throw new IllegalArgumentException("option --" + name + " needs a value");
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            if (!allowed.contains(name)) throw new IllegalArgumentException("unknown option --" + name + " for '" + command + "'");
            if (opts.put(name, value) != null) throw new IllegalArgumentException("option --" + name + " given twice");
        }
        return new CliArgs(command, opts);
    }

    String require(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("'" + command + "' needs --" + name);
        return v;
    }

    /** --data-dir, else NNC_DATA_DIR, else ./data (as the server). */
    Path dataDir(Map<String, String> env) {
        String d = options.getOrDefault("data-dir", env.getOrDefault("NNC_DATA_DIR", "./data"));
        return Path.of(d).toAbsolutePath().normalize();
    }
}
