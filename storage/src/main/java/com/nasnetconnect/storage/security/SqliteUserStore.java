package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.UserAccount;
import com.nasnetconnect.domain.security.UserStore;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link UserStore} on system.db table {@code security_users} (V50). Names compare case-insensitively. */
public final class SqliteUserStore implements UserStore {
    private final Jdbc db;

    public SqliteUserStore(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public Optional<UserAccount> find(String name) {
        return db.one("SELECT * FROM security_users WHERE name = ?", SqliteUserStore::row, name);
    }

    @Override
    public void insert(UserAccount u) {
        try {
            db.update("INSERT INTO security_users (name, role, password_hash, must_change_password, created_at) VALUES (?,?,?,?,?)",
                    u.name(), u.role(), u.passwordHash(), u.mustChangePassword(), u.createdAt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user '" + u.name() + "' already exists", e);
        }
    }

    @Override
    public void update(UserAccount u) {
        int n = db.update("UPDATE security_users SET role = ?, password_hash = ?, must_change_password = ? WHERE name = ?",
                u.role(), u.passwordHash(), u.mustChangePassword(), u.name());
        if (n == 0) throw new IllegalArgumentException("no user named '" + u.name() + "'");
    }

    @Override
    public boolean delete(String name) {
        return db.update("DELETE FROM security_users WHERE name = ?", name) > 0;
    }

    @Override
    public List<UserAccount> list() {
        return db.query("SELECT * FROM security_users ORDER BY name", SqliteUserStore::row);
    }

    private static UserAccount row(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
                rs.getInt("must_change_password") != 0, Jdbc.instant(rs, "created_at"));
    }
}
