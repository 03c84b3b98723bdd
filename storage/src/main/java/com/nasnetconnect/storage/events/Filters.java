package com.nasnetconnect.storage.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The SQL of an {@link EventQuery} and of retention pruning, shared by the hot and warm tables. */
final class Filters {
    private Filters() {
    }

    /**
     * Appends {@code AND …} for the query's classes, types, time range and cursor. {@code classAsNumber}: the
     * class column holds the ordinal (hot) instead of the name (warm). The router is not filtered here.
     */
    static void append(StringBuilder sql, List<Object> params, EventQuery q, String classColumn, boolean classAsNumber) {
        if (!q.classes().isEmpty()) {
            sql.append(" AND ").append(classColumn).append(" IN (").append("?,".repeat(q.classes().size() - 1)).append("?)");
            for (EventClass c : q.classes()) params.add(classAsNumber ? (Object) c.ordinal() : c.name());
        }
        if (!q.types().isEmpty()) {
            sql.append(" AND type IN (").append("?,".repeat(q.types().size() - 1)).append("?)");
            params.addAll(q.types());
        }
        q.since().ifPresent(s -> {
            sql.append(" AND at_nanos >= ?");
            params.add(EventCursor.nanos(s));
        });
        q.until().ifPresent(u -> {
            sql.append(" AND at_nanos < ?");
            params.add(EventCursor.nanos(u));
        });
        q.position().ifPresent(p -> {
            sql.append(" AND (at_nanos < ? OR (at_nanos = ? AND id < ?))");
            params.add(p.atNanos());
            params.add(p.atNanos());
            params.add(p.id());
        });
    }

    /** Deletes the rows of {@code table} past their retention ({@code hot}: the hot durations, else the warm ones). */
    static int prune(Connection c, String table, Instant now, EventRetention retention, boolean hot) throws SQLException {
        int n = 0;
        for (Map.Entry<String, EventRetention.Keep> t : retention.byType().entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE type = ? AND at_nanos < ?")) {
                ps.setString(1, t.getKey());
                ps.setLong(2, cutoff(now, hot ? t.getValue().hot() : t.getValue().warm()));
                n += ps.executeUpdate();
            }
        }
        String exceptTypes = retention.byType().isEmpty() ? "" : " AND type NOT IN (" + "?,".repeat(retention.byType().size() - 1) + "?)";
        for (EventClass c0 : EventClass.values()) {
            EventRetention.Keep keep = retention.byClass().get(c0);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE class = ? AND at_nanos < ?" + exceptTypes)) {
                int i = 1;
                if (hot) ps.setInt(i++, c0.ordinal());
                else ps.setString(i++, c0.name());
                ps.setLong(i++, cutoff(now, hot ? keep.hot() : keep.warm()));
                for (String type : retention.byType().keySet()) ps.setString(i++, type);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    private static long cutoff(Instant now, Duration keep) {
        return EventCursor.nanos(now.minus(keep));
    }
}
