package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.SecretResealer;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.domain.state.DatabaseHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-seals every sealed secret of the data directory: system.db and every router database, wherever the
 * value sits, so a key rotation leaves nothing behind that only the retired key could open. It finds them by
 * their form rather than by a list of columns (which the next table would outgrow):
 * <ul>
 *   <li>a column whose name ends in {@code _sealed} holds one sealed value ({@code v1:<key id>:<data>}),
 *       e.g. {@code routers.password_sealed}, {@code service_instance_options.value_sealed};</li>
 *   <li>any other text may embed sealed values as JSON strings {@code "sealed:v1:<key id>:<data>"} (the secret
 *       fields of resources, event changes and states, configuration snapshots: see SecretFieldSealer).</li>
 * </ul>
 * The event log is append-only (a trigger refuses updates); re-sealing does not change what an event says, so the
 * update triggers of a table are dropped and re-created around its re-sealing, in the same transaction.
 * Each database is re-sealed in one transaction. A quarantined router database cannot be opened, so the
 * rotation is refused before any key changes (its secrets would be lost with the old key).
 */
public final class SealedValuesResealer implements SecretResealer {
    /** A sealed value inside text: v1, a key id, base64 data (JSON leaves all of these unescaped). */
    static final Pattern EMBEDDED = Pattern.compile("\"sealed:(v1:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)\"");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final DatabaseManager databases;

    private SealedValuesResealer(DatabaseManager databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
    }

    /**
     * The resealer of system.db and every router database of the data directory.
     *
     * @throws IllegalStateException a router database is quarantined (named, with what to do)
     */
    public static SealedValuesResealer everywhere(DatabaseManager databases) {
        List<DatabaseHealth.QuarantinedDatabase> quarantined = databases.quarantinedDatabases();
        if (!quarantined.isEmpty()) {
            throw new IllegalStateException("the database of router(s) " + String.join(", ", quarantined.stream()
                    .map(q -> "'" + q.routerName() + "' (" + q.movedTo() + ")").toList()) + " is quarantined: restore or release it"
                    + " first, or its secrets could no longer be opened once the old key is dropped; nothing was changed");
        }
        return new SealedValuesResealer(databases);
    }

    @Override
    public int reseal(UnaryOperator<String> reseal) {
        int count = databases.inSystemTransaction(c -> resealAll(c, reseal));
        for (RouterId router : databases.routerDatabases()) {
            boolean wasOpen = databases.isOpen(router);
            count += databases.inRouterTransaction(router, c -> resealAll(c, reseal));
            if (!wasOpen) databases.closeRouter(router);
        }
        return count;
    }

    /** Re-seals every sealed value in the database of {@code c}; returns how many. */
    static int resealAll(Connection c, UnaryOperator<String> reseal) throws SQLException {
        int count = 0;
        for (String table : tables(c)) {
            for (Map.Entry<String, Boolean> column : textColumns(c, table).entrySet()) {
                count += resealColumn(c, table, column.getKey(), column.getValue(), reseal);
            }
        }
        return count;
    }

    private static int resealColumn(Connection c, String table, String column, boolean whole, UnaryOperator<String> reseal)
            throws SQLException {
        var rows = new LinkedHashMap<Long, String>();
        String where = whole ? column + " IS NOT NULL" : column + " LIKE '%sealed:v1:%'";
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, " + column + " FROM " + table + " WHERE " + where)) {
            while (rs.next()) rows.put(rs.getLong(1), rs.getString(2));
        }
        if (rows.isEmpty()) return 0;
        var triggers = updateTriggers(c, table);
        try (Statement st = c.createStatement()) {
            for (String name : triggers.keySet()) st.executeUpdate("DROP TRIGGER " + name);
        }
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?")) {
            for (var row : rows.entrySet()) {
                String updated;
                if (whole) {
                    updated = reseal.apply(row.getValue());
                    count++;
                } else {
                    Matcher m = EMBEDDED.matcher(row.getValue());
                    var out = new StringBuilder();
                    int n = 0;
                    while (m.find()) {
                        m.appendReplacement(out, Matcher.quoteReplacement("\"sealed:" + reseal.apply(m.group(1)) + "\""));
                        n++;
                    }
                    m.appendTail(out);
                    if (n == 0) continue;
                    updated = out.toString();
                    count += n;
                }
                ps.setString(1, updated);
                ps.setLong(2, row.getKey());
                ps.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            for (String sql : triggers.values()) st.executeUpdate(sql);
        }
        return count;
    }

    /** The table's BEFORE UPDATE triggers (name → its CREATE statement). */
    private static Map<String, String> updateTriggers(Connection c, String table) throws SQLException {
        var out = new LinkedHashMap<String, String>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
                + " AND upper(sql) LIKE '%BEFORE UPDATE%'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (IDENT.matcher(rs.getString(1)).matches()) out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        var out = new ArrayList<String>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                     + " AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (IDENT.matcher(name).matches()) out.add(name);
            }
        }
        return out;
    }

    /** Text columns of the table, each with whether it holds one whole sealed value (name ends in _sealed). */
    private static Map<String, Boolean> textColumns(Connection c, String table) throws SQLException {
        var out = new LinkedHashMap<String, Boolean>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = String.valueOf(rs.getString("type")).toUpperCase(Locale.ROOT);
                boolean text = type.isEmpty() || type.contains("TEXT") || type.contains("CHAR") || type.contains("CLOB");
                if (text && IDENT.matcher(name).matches()) out.put(name, name.endsWith("_sealed"));
            }
        }
        return out;
    }
}
