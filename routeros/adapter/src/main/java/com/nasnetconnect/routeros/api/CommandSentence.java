package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.routeros.protocol.ApiWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link RouterCommand} as the words of one API request sentence, exactly: the path, one {@code =name=value}
 * word per attribute (the value as it is: spaces, '=', quotes and line breaks need no escaping on the wire),
 * the query words in their order, {@code =.proplist=a,b} and {@code .tag=…}.
 *
 * <p>What the wire cannot say is refused with an IllegalArgumentException naming the bad part, before anything
 * is sent: a path that is not a RouterOS menu path, an attribute name that is empty or holds '=' or a control
 * character (it would end the name early or change the word), a property name that is not a RouterOS word
 * (a ',' would split the list).
 */
final class CommandSentence {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9][A-Za-z0-9._-]*)+");
    private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9][A-Za-z0-9._-]*");

    private CommandSentence() {
    }

    /** Refuses a command the wire cannot carry exactly; see the class comment. */
    static void check(RouterCommand command) {
        if (!PATH.matcher(command.path()).matches()) {
            throw new IllegalArgumentException("not a RouterOS command path: '" + command.path() + "'");
        }
        for (String name : command.attributes().keySet()) {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw new IllegalArgumentException("not a RouterOS attribute name: '" + name + "'");
            }
        }
        for (String p : command.proplist()) {
            if (!NAME.matcher(p).matches()) throw new IllegalArgumentException("not a RouterOS property name: '" + p + "'");
        }
    }

    /** The words of the sentence, {@code .tag} last. */
    static List<String> words(RouterCommand command, String tag) {
        check(command);
        List<String> words = new ArrayList<>(command.attributes().size() + command.queries().size() + 3);
        words.add(command.path());
        command.attributes().forEach((name, value) -> words.add("=" + name + "=" + value));
        words.addAll(command.queries());
        if (!command.proplist().isEmpty()) words.add("=.proplist=" + String.join(",", command.proplist()));
        words.add(".tag=" + tag);
        return words;
    }

    /** The sentence as bytes, ready for one write. */
    static byte[] encode(RouterCommand command, String tag) {
        return ApiWords.encodeSentence(words(command, tag));
    }
}
