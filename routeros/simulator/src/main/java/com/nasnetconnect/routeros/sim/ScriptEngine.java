package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small interpreter for the subset of RouterOS script that revert and maintenance scripts use.
 *
 * <p>Supported:
 * <ul>
 *   <li>statements separated by new lines or {@code ;}; {@code #} comments at the start of a line;</li>
 *   <li>menu commands in console form: {@code /ip address remove [find where comment="x"]},
 *       {@code /ip/address/remove ...}, {@code /interface vlan set vlan10 mtu=1400},
 *       {@code /system/scheduler remove [find name=revert]}; arguments {@code name=value} with plain, quoted
 *       ({@code "a \"b\""}) or bracketed values; a leading unnamed argument selects items (names, ids, or a
 *       {@code [find ...]} expression);</li>
 *   <li>{@code [find]}, {@code [find where a=b and c!="d" and e~"regex"]}, {@code [find a=b]} and
 *       {@code [/menu find ...]} evaluated against the current menu;</li>
 *   <li>{@code :delay 5s}, {@code :log info|warning|error "message"}, {@code :put ...} (ignored),
 *       {@code :do { ... } on-error={ ... }}.</li>
 * </ul>
 * Anything else stops the script with an error that is logged, as RouterOS logs a failing script.
 */
final class ScriptEngine {

    /** A script failure; the message names the failing statement. */
    static final class ScriptException extends RuntimeException {
        ScriptException(String message) {
            super(message);
        }
    }

    private final CommandExecutor executor;

    ScriptEngine(CommandExecutor executor) {
        this.executor = executor;
    }

    /** Runs a script; a failure is logged to /log (topics script,error) instead of thrown. */
    void runLogged(String source, String name) {
        try {
            run(source);
        } catch (RuntimeException e) {
            executor.state().log("script,error", "script " + (name == null ? "" : name) + " error: "
                    + e.getMessage());
        }
    }

    /** Runs a script; throws ScriptException at the first failing statement. */
    void run(String source) {
        for (String statement : statements(source)) {
            execute(statement.trim());
        }
    }

    // ---- splitting ----

    static List<String> statements(String source) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        boolean lineStart = true;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < source.length()) {
                    cur.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (lineStart && c == '#' && depth == 0) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
                i++;
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if ((c == '\n' || c == ';' || c == '\r') && depth == 0) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                lineStart = true;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Splits a statement into tokens: words, key=value pairs, quoted strings, [..] and {..} groups. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
        }
        if (quoted || depth != 0) {
            throw new ScriptException("syntax error (unbalanced quotes or brackets) in: " + s);
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    char n = v.charAt(++i);
                    b.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        return v;
    }

    // ---- execution ----

    private void execute(String statement) {
        if (statement.isEmpty()) {
            return;
        }
        List<String> t = tokens(statement);
        String head = t.getFirst();
        switch (head) {
            case ":delay" -> {
                if (t.size() < 2) {
                    throw new ScriptException(":delay needs a time");
                }
                try {
                    Thread.sleep(Durations.parseMillis(unquote(t.get(1)), "delay"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ScriptException("interrupted");
                } catch (ApiTrap e) {
                    throw new ScriptException(e.getMessage());
                }
            }
            case ":log" -> {
                if (t.size() < 3) {
                    throw new ScriptException(":log needs a level and a message");
                }
                executor.state().log("script," + t.get(1), unquote(String.join(" ", t.subList(2, t.size()))));
            }
            case ":put" -> {
                // console output: nothing to do
            }
            case ":do" -> doBlock(t, statement);
            default -> {
                if (head.startsWith("/")) {
                    command(t);
                } else {
                    throw new ScriptException("unsupported statement: " + statement);
                }
            }
        }
    }

    private void doBlock(List<String> t, String statement) {
        if (t.size() < 2 || !t.get(1).startsWith("{")) {
            throw new ScriptException("syntax error in: " + statement);
        }
        String body = t.get(1).substring(1, t.get(1).length() - 1);
        String onError = null;
        for (String x : t.subList(2, t.size())) {
            if (x.startsWith("on-error={")) {
                onError = x.substring("on-error={".length(), x.length() - 1);
            }
        }
        try {
            run(body);
        } catch (RuntimeException e) {
            if (onError == null) {
                throw e;
            }
            run(onError);
        }
    }

    private record Target(String menu, String verb, List<String> args) {
    }

    /** Splits "/ip address remove ..." / "/ip/address/remove ..." into menu, verb and argument tokens. */
    private Target target(List<String> t) {
        CommandTree tree = executor.state().tree;
        List<String> words = new ArrayList<>();
        for (String w : t.getFirst().substring(1).split("/")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int next = 1;
        while (true) {
            String menu = "/" + String.join("/", words);
            if (!words.isEmpty() && !tree.hasMenu(menu)) {
                // the last word may be the verb: /ip/address/remove
                String verb = words.getLast();
                String parent = "/" + String.join("/", words.subList(0, words.size() - 1));
                if (tree.hasCommand(parent, verb)) {
                    return new Target(parent, verb, t.subList(next, t.size()));
                }
                throw new ScriptException("bad command name " + menu);
            }
            if (next >= t.size()) {
                throw new ScriptException("missing command after " + menu);
            }
            String w = t.get(next);
            if (tree.hasCommand(menu, w)) {
                return new Target(menu, w, t.subList(next + 1, t.size()));
            }
            if (tree.hasMenu(menu + (menu.equals("/") ? "" : "/") + w)) {
                words.add(w);
                next++;
                continue;
            }
            throw new ScriptException("bad command name " + w + " in " + menu);
        }
    }

    private void command(List<String> t) {
        Target target = target(t);
        Map<String, String> attrs = new LinkedHashMap<>();
        boolean first = true;
        for (String a : target.args()) {
            int eq = a.indexOf('=');
            boolean bracket = a.startsWith("[");
            if (!bracket && eq > 0 && !a.startsWith("\"")) {
                String key = a.substring(0, eq);
                attrs.put(key, value(a.substring(eq + 1), target.menu()));
            } else if (first) {
                attrs.put("numbers", value(a, target.menu()));
            } else {
                throw new ScriptException("unexpected argument " + a);
            }
            first = false;
        }
        if (attrs.containsKey("numbers") && attrs.get("numbers").isEmpty()
                && List.of("remove", "set", "enable", "disable", "comment").contains(target.verb())) {
            return; // [find] matched nothing: RouterOS does nothing
        }
        ApiRequest req = ApiRequest.of(target.menu(), target.verb(), attrs);
        try {
            CommandTree.Command cmd = executor.state().tree.resolve(req.path());
            CommandExecutor.Stream s = executor.execute(req, cmd, null, ReplySink.DISCARD);
            if (s != null) {
                s.cancel();
            }
        } catch (ApiTrap e) {
            throw new ScriptException(e.getMessage());
        }
    }

    private String value(String raw, String menu) {
        if (raw.startsWith("[") && raw.endsWith("]")) {
            return evaluate(raw.substring(1, raw.length() - 1).trim(), menu);
        }
        return unquote(raw);
    }

    /** Evaluates [find ...] (optionally [/menu find ...]) to a comma-separated id list. */
    private String evaluate(String expr, String menu) {
        List<String> t = tokens(expr);
        int i = 0;
        if (!t.isEmpty() && t.getFirst().startsWith("/")) {
            Target target = target(t);
            menu = target.menu();
            if (!target.verb().equals("find")) {
                throw new ScriptException("unsupported expression [" + expr + "]");
            }
            t = new ArrayList<>(target.args());
            t.addFirst("find");
        }
        if (t.isEmpty() || !t.get(i).equals("find")) {
            throw new ScriptException("unsupported expression [" + expr + "]");
        }
        i++;
        if (i < t.size() && t.get(i).equals("where")) {
            i++;
        }
        List<String[]> conditions = new ArrayList<>();
        for (; i < t.size(); i++) {
            String c = t.get(i);
            if (c.equals("and") || c.equals("&&")) {
                continue;
            }
            // the operator is the first one in the property name part (a quoted value may contain '=', '~'...)
            int quote = c.indexOf('"');
            String head = quote < 0 ? c : c.substring(0, quote);
            String op;
            int at;
            if ((at = head.indexOf("!=")) > 0) {
                op = "!=";
            } else if ((at = head.indexOf('~')) > 0) {
                op = "~";
            } else if ((at = head.indexOf('=')) > 0) {
                op = "=";
            } else {
                throw new ScriptException("unsupported condition " + c + " in [" + expr + "]");
            }
            conditions.add(new String[] {c.substring(0, at), op, unquote(c.substring(at + op.length()))});
        }
        MenuSpec spec = executor.state().spec(menu);
        if (spec == null) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        for (Map<String, String> row : executor.rows(spec)) {
            boolean ok = true;
            for (String[] c : conditions) {
                String actual = row.getOrDefault(c[0], "");
                ok &= switch (c[1]) {
                    case "=" -> actual.equals(c[2]) || (Menus.BOOLEAN_PROPS.contains(c[0])
                            && actual.equals(c[2].equals("yes") ? "true" : c[2].equals("no") ? "false" : c[2]));
                    case "!=" -> !actual.equals(c[2]);
                    default -> Pattern.compile(c[2]).matcher(actual).find();
                };
            }
            if (ok) {
                ids.add(row.get(".id") == null ? "*0" : row.get(".id"));
            }
        }
        return String.join(",", ids);
    }
}
