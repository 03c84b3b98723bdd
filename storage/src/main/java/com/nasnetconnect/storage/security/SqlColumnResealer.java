package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.SecretResealer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A {@link SecretResealer} for one column of sealed secrets in a table (e.g. {@code routers.password_sealed}):
 * re-seals every non-null value in one transaction, so a failure leaves all rows under the old key.
 */
public final class SqlColumnResealer implements SecretResealer {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** The sealed columns of system.db known today. */
    public static SqlColumnResealer routerPasswords(DataSource systemDb) {
        return new SqlColumnResealer(systemDb, "routers", "id", "password_sealed");
    }

    private final DataSource ds;
    private final String table;
    private final String keyColumn;
    private final String sealedColumn;

    public SqlColumnResealer(DataSource ds, String table, String keyColumn, String sealedColumn) {
        this.ds = Objects.requireNonNull(ds, "ds");
        this.table = ident(table);
        this.keyColumn = ident(keyColumn);
        this.sealedColumn = ident(sealedColumn);
    }

    @Override
    public int reseal(UnaryOperator<String> reseal) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<Object, String> rows = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + keyColumn + ", " + sealedColumn + " FROM " + table
                        + " WHERE " + sealedColumn + " IS NOT NULL");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.put(rs.getObject(1), rs.getString(2));
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + sealedColumn + " = ? WHERE "
                        + keyColumn + " = ?")) {
                    for (Map.Entry<Object, String> row : rows.entrySet()) {
                        ps.setString(1, reseal.apply(row.getValue()));
                        ps.setObject(2, row.getKey());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-seal " + table + "." + sealedColumn + ": " + e.getMessage(), e);
        }
    }

    private static String ident(String s) {
        if (s == null || !IDENT.matcher(s).matches()) throw new IllegalArgumentException("invalid SQL identifier '" + s + "'");
        return s;
    }
}
