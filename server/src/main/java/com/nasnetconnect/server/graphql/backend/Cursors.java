package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.schema.types.PageInfo;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.ResourceConnection;
import com.nasnetconnect.domain.schema.types.ResourceEdge;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Opaque GraphQL cursors.
 * <ul>
 *   <li>Resource cursor: the store's own page cursor (or none, for the start) plus how many items to skip
 *       after it, so every edge has a cursor even though the store only names the end of a page.</li>
 *   <li>Event cursor and event id: the event's per-router sequence number.</li>
 * </ul>
 * A cursor that does not decode is refused naming it. {@link #resources} pages a router's resources by them.
 */
final class Cursors {
    private Cursors() {
    }

    /** "After {@code skip} items following the store cursor {@code base}" (base empty: the beginning). */
    record ResourcePosition(Optional<String> base, int skip) {
    }

    static String resource(Optional<String> base, int skip) {
        return encode("res:" + skip + ":" + base.orElse(""));
    }

    static ResourcePosition resource(String cursor) {
        String text = decode(cursor, "resource");
        String[] p = text.split(":", 3);
        try {
            if (p.length != 3 || !p[0].equals("res")) throw new NumberFormatException();
            int skip = Integer.parseInt(p[1]);
            if (skip < 0) throw new NumberFormatException();
            return new ResourcePosition(p[2].isEmpty() ? Optional.empty() : Optional.of(p[2]), skip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid resource cursor: '" + cursor + "'");
        }
    }

    /**
     * The page of resources {@code first} long after {@code after} (null: from the start), every edge with its
     * cursor. {@code list} reads one page of the store; {@code count} counts them all.
     */
    static ResourceConnection resources(Function<PageRequest, Page<com.nasnetconnect.domain.state.Resource>> list,
                                        IntSupplier count, Function<com.nasnetconnect.domain.state.Resource, Resource> view,
                                        int first, String after) {
        var position = after == null ? new ResourcePosition(Optional.empty(), 0) : resource(after);
        Optional<String> base = position.base();
        boolean exhausted = false;
        if (position.skip() > 0) {
            var skipped = list.apply(new PageRequest(position.skip(), base));
            exhausted = skipped.items().size() < position.skip() || !skipped.hasNextPage();
            base = skipped.endCursor().or(position::base);
        }
        var page = exhausted ? new Page<com.nasnetconnect.domain.state.Resource>(List.of(), Optional.empty(), false)
                : list.apply(new PageRequest(first, base));
        var edges = new ArrayList<ResourceEdge>();
        for (int i = 0; i < page.items().size(); i++) {
            boolean last = i == page.items().size() - 1;
            String cursor = last && page.endCursor().isPresent() ? resource(page.endCursor(), 0) : resource(base, i + 1);
            edges.add(new ResourceEdge(cursor, view.apply(page.items().get(i))));
        }
        return new ResourceConnection(edges, pageInfo(page.hasNextPage(), after != null, edges.stream().map(ResourceEdge::getCursor).toList()),
                count.getAsInt());
    }

    static PageInfo pageInfo(boolean hasNextPage, boolean hasPreviousPage, List<String> cursors) {
        return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.getFirst(),
                cursors.isEmpty() ? null : cursors.getLast());
    }

    static String event(long sequence) {
        return encode("evt:" + sequence);
    }

    static long event(String cursor) {
        String text = decode(cursor, "event");
        try {
            if (!text.startsWith("evt:")) throw new NumberFormatException();
            return Long.parseLong(text.substring(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid event cursor: '" + cursor + "'");
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String what) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid " + what + " cursor: '" + cursor + "'");
        }
    }
}
