package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link RouterCommand} as the command text me.legrange:mikrotik parses ({@code /path name="value" …
 * where … return a,b}), plus the word rewrites for what that text cannot say.
 *
 * <p>The library's text syntax quotes with {@code "…"} or {@code '…'} and has no escapes, stops at line breaks,
 * treats {@code where}, {@code not}, {@code and}, {@code or} and {@code return} as keywords, and its
 * {@code where} clause only knows {@code = < > !=}, {@code not}, {@code and}, {@code or}. So:
 * <ul>
 *   <li>a value is put in double quotes, or single quotes when it contains a double quote;</li>
 *   <li>a value with both quote characters, a line break or the placeholder mark, and an attribute named
 *       like a keyword, becomes a placeholder that {@link RequestOutputStream} replaces with the exact word;</li>
 *   <li>query words are translated to an equivalent {@code where} expression when every word has a form
 *       there ({@code ?name=v}, {@code ?=name=v}, {@code ?<name=v}, {@code ?>name=v}, {@code ?#!},
 *       {@code ?#&}, {@code ?#|}); otherwise ({@code ?name}, {@code ?-name}, {@code ?#} with several
 *       operations or indexes) the whole query goes through unchanged as placeholder words;</li>
 *   <li>a path or property name that is not a RouterOS word is refused with an IllegalArgumentException.</li>
 * </ul>
 *
 * @param rewrites placeholder word (as the library will encode it) → the words to send instead
 */
record CommandText(String text, Map<String, List<String>> rewrites) {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9][A-Za-z0-9._-]*)+");
    private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> KEYWORDS = Set.of("where", "not", "and", "or", "return");
    static final char MARK = ReplyFilterInputStream.MARK;

    CommandText {
        rewrites = Map.copyOf(rewrites);
    }

    static CommandText of(RouterCommand command) {
        if (!PATH.matcher(command.path()).matches()) {
            throw new IllegalArgumentException("not a RouterOS command path: '" + command.path() + "'");
        }
        var text = new StringBuilder(command.path());
        Map<String, List<String>> rewrites = new LinkedHashMap<>();
        int n = 0;
        for (var e : command.attributes().entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("not a RouterOS attribute name: '" + name + "'");
            }
            if (plainName(name) && quotable(value)) {
                text.append(' ').append(name).append('=').append(quote(value));
            } else {
                String placeholderName = "nnc-a" + n;
                String placeholderValue = MARK + "a" + n + MARK;
                n++;
                text.append(' ').append(placeholderName).append("=\"").append(placeholderValue).append('"');
                rewrites.put("=" + placeholderName + "=" + placeholderValue, List.of("=" + name + "=" + value));
            }
        }
        if (!command.queries().isEmpty()) {
            Optional<String> where = where(command.queries());
            if (where.isPresent()) {
                text.append(" where ").append(where.get());
            } else {
                String placeholder = MARK + "q" + MARK;
                text.append(" where nnc-q=\"").append(placeholder).append('"');
                rewrites.put("?nnc-q=" + placeholder, command.queries());
            }
        }
        if (!command.proplist().isEmpty()) {
            for (String p : command.proplist()) {
                if (!plainName(p)) throw new IllegalArgumentException("not a RouterOS property name: '" + p + "'");
            }
            text.append(" return ").append(String.join(",", command.proplist()));
        }
        return new CommandText(text.toString(), rewrites);
    }

    private static boolean plainName(String name) {
        return NAME.matcher(name).matches() && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the library's quoted text can carry this value unchanged. */
    static boolean quotable(String value) {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf(MARK) < 0
                && !(value.indexOf('"') >= 0 && value.indexOf('\'') >= 0);
    }

    private static String quote(String value) {
        return value.indexOf('"') < 0 ? '"' + value + '"' : '\'' + value + '\'';
    }

    /**
     * The query stack as an infix expression the library turns back into the same stack (every composite in
     * parentheses so its keywords cannot bind to a neighbour); empty when some word has no infix form.
     */
    static Optional<String> where(List<String> queries) {
        Deque<String> stack = new ArrayDeque<>();
        for (String q : queries) {
            if (!q.startsWith("?")) return Optional.empty();
            String body = q.substring(1);
            if (body.startsWith("#")) {
                String ops = body.substring(1);
                switch (ops) {
                    case "!" -> {
                        if (stack.isEmpty()) return Optional.empty();
                        stack.push("( not " + stack.pop() + " )");
                    }
                    case "&", "|" -> {
                        if (stack.size() < 2) return Optional.empty();
                        String b = stack.pop();
                        String a = stack.pop();
                        stack.push("( " + a + (ops.equals("&") ? " and " : " or ") + b + " )");
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
                continue;
            }
            String op = "=";
            if (body.startsWith("<") || body.startsWith(">")) {
                op = body.substring(0, 1);
                body = body.substring(1);
            } else if (body.startsWith("=")) {
                body = body.substring(1);
            }
            int eq = body.indexOf('=');
            if (eq < 0) return Optional.empty(); // ?name (has) and ?-name (has not): no infix form
            String name = body.substring(0, eq);
            String value = body.substring(eq + 1);
            if (!plainName(name) || !quotable(value)) return Optional.empty();
            stack.push(name + op + quote(value));
        }
        if (stack.isEmpty()) return Optional.empty();
        // RouterOS ANDs what is left on the stack; say so explicitly, in the original order.
        var items = new java.util.ArrayList<>(stack);
        java.util.Collections.reverse(items);
        String expr = items.getFirst();
        for (int i = 1; i < items.size(); i++) expr = "( " + expr + " and " + items.get(i) + " )";
        return Optional.of(expr);
    }
}
