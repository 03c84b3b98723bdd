package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuditLog;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@link AuditLog} on system.db table {@code security_audit} (V50); every row has severity CRITICAL. */
public final class SqliteAuditLog implements AuditLog {
    private final Jdbc db;

    public SqliteAuditLog(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public AuditEvent append(AuditEvent e) {
        long id = db.insert("INSERT INTO security_audit (at, severity, action, actor, subject, source, detail) VALUES (?,?,?,?,?,?,?)",
                e.at(), e.severity(), e.action(), e.actor(), e.subject(), e.source(), e.detail());
        return new AuditEvent(id, e.at(), e.action(), e.actor(), e.subject(), e.source(), e.detail());
    }

    @Override
    public List<AuditEvent> newest(int limit, long beforeId) {
        return db.query("SELECT * FROM security_audit WHERE id < ? ORDER BY id DESC LIMIT ?", SqliteAuditLog::row, beforeId, limit);
    }

    private static AuditEvent row(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("id"), Jdbc.instant(rs, "at"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("actor"), rs.getString("subject"), rs.getString("source"), rs.getString("detail"));
    }
}
