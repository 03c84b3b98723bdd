package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates RouterOS API query words against an item, with the router's stack semantics.
 *
 * <p>Each word pushes one boolean: {@code ?name} (property present), {@code ?-name} (absent),
 * {@code ?name=x} and {@code ?=name=x} (equal), {@code ?<name=x} / {@code ?>name=x} (less / greater: numeric
 * when both sides are numbers, otherwise by string; RouterOS compares times and addresses likewise by value).
 * {@code ?#} operations work on the stack: {@code !} negates the top, {@code &} and {@code |} pop two and push the
 * conjunction / disjunction, {@code .} does nothing, and a decimal index pushes a copy of the value at that index
 * (counted from the bottom). An item matches when every value left on the stack is true (an empty stack
 * matches everything). A malformed query gives the trap RouterOS sends: "unknown query operator" /
 * category 5 style messages.
 */
final class QueryEngine {

    private QueryEngine() {
    }

    /** Compiles the query words into a predicate over an item's printed properties. */
    static Predicate<Map<String, String>> compile(List<String> queries) {
        if (queries.isEmpty()) {
            return item -> true;
        }
        for (String q : queries) {
            validate(q);
        }
        return item -> evaluate(queries, item);
    }

    private static void validate(String q) {
        if (q.length() < 2) {
            throw new ApiTrap(5, "empty query word");
        }
        if (q.startsWith("?#")) {
            String ops = q.substring(2);
            for (char c : ops.toCharArray()) {
                if ("!&|.".indexOf(c) < 0 && !Character.isDigit(c)) {
                    throw new ApiTrap(5, "unknown query operator '" + c + "' in " + q);
                }
            }
        }
    }

    static boolean evaluate(List<String> queries, Map<String, String> item) {
        List<Boolean> stack = new ArrayList<>();
        for (String q : queries) {
            String body = q.substring(1);
            if (body.startsWith("#")) {
                applyOps(body.substring(1), stack, q);
                continue;
            }
            char op = body.charAt(0);
            if (op == '-') {
                stack.add(!item.containsKey(body.substring(1)));
            } else if (op == '<' || op == '>') {
                String rest = body.substring(1);
                int eq = rest.indexOf('=');
                String name = eq < 0 ? rest : rest.substring(0, eq);
                String value = eq < 0 ? "" : rest.substring(eq + 1);
                String actual = item.get(name);
                if (actual == null) {
                    stack.add(false);
                } else {
                    int c = compare(actual, value);
                    stack.add(op == '<' ? c < 0 : c > 0);
                }
            } else {
                String rest = op == '=' ? body.substring(1) : body;
                int eq = rest.indexOf('=');
                if (eq < 0) {
                    stack.add(item.containsKey(rest));
                } else {
                    String name = rest.substring(0, eq);
                    String value = rest.substring(eq + 1);
                    String actual = item.get(name);
                    stack.add(actual != null ? actual.equals(value) : value.isEmpty());
                }
            }
        }
        for (Boolean b : stack) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static void applyOps(String ops, List<Boolean> stack, String word) {
        int i = 0;
        while (i < ops.length()) {
            char c = ops.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < ops.length() && Character.isDigit(ops.charAt(j))) {
                    j++;
                }
                int index = Integer.parseInt(ops.substring(i, j));
                if (index >= stack.size()) {
                    throw new ApiTrap(5, "query stack index " + index + " out of range in " + word);
                }
                stack.add(stack.get(index));
                i = j;
                continue;
            }
            switch (c) {
                case '!' -> {
                    need(stack, 1, word);
                    stack.add(!stack.removeLast());
                }
                case '&' -> {
                    need(stack, 2, word);
                    boolean a = stack.removeLast();
                    boolean b = stack.removeLast();
                    stack.add(a && b);
                }
                case '|' -> {
                    need(stack, 2, word);
                    boolean a = stack.removeLast();
                    boolean b = stack.removeLast();
                    stack.add(a || b);
                }
                case '.' -> {
                    // no operation
                }
                default -> throw new ApiTrap(5, "unknown query operator '" + c + "' in " + word);
            }
            i++;
        }
    }

    private static void need(List<Boolean> stack, int n, String word) {
        if (stack.size() < n) {
            throw new ApiTrap(5, "query stack underflow in " + word);
        }
    }

    /** Numeric comparison when both values are numbers (ids "*1A" compare as hex numbers), else string. */
    static int compare(String a, String b) {
        Long x = number(a);
        Long y = number(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static Long number(String s) {
        try {
            if (s.startsWith("*") && s.length() > 1) {
                return Long.parseLong(s.substring(1), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
