package com.nasnetconnect.storage.factory;

import com.nasnetconnect.domain.factory.ContainerSpec;
import com.nasnetconnect.domain.factory.GatewayMechanism;
import com.nasnetconnect.domain.factory.OptionRule;
import com.nasnetconnect.domain.factory.ServiceCatalog;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import com.nasnetconnect.domain.factory.TemplateOption;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ServiceCatalog} on the {@code service_templates} tables of system.db (seeded by migration
 * {@code V4__service_catalog.sql}). Read on every call: the catalog is small and read rarely.
 */
public final class SqliteServiceCatalog implements ServiceCatalog {
    private final DatabaseManager databases;

    public SqliteServiceCatalog(DatabaseManager databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
    }

    @Override
    public List<ServiceTemplate> templates() {
        return databases.withSystem(c -> read(c, Optional.empty()));
    }

    @Override
    public Optional<ServiceTemplate> template(String id) {
        Objects.requireNonNull(id, "id");
        return databases.withSystem(c -> read(c, Optional.of(id))).stream().findFirst();
    }

    private static List<ServiceTemplate> read(Connection c, Optional<String> only) throws SQLException {
        var rows = new ArrayList<String[]>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description, gateway, interface_prefix FROM service_templates"
                + (only.isPresent() ? " WHERE id = ?" : "") + " ORDER BY id")) {
            if (only.isPresent()) ps.setString(1, only.get());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        var out = new ArrayList<ServiceTemplate>();
        for (String[] r : rows) {
            out.add(new ServiceTemplate(r[0], r[1], r[2], containers(c, r[0]), options(c, r[0]), GatewayMechanism.valueOf(r[3]), r[4]));
        }
        return out;
    }

    private static List<ContainerSpec> containers(Connection c, String template) throws SQLException {
        var out = new ArrayList<ContainerSpec>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT role, image, command FROM service_template_containers WHERE template_id = ? ORDER BY role DESC")) {
            ps.setString(1, template);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var role = ContainerSpec.Role.valueOf(rs.getString(1));
                    out.add(new ContainerSpec(role, rs.getString(2), environment(c, template, role), Optional.ofNullable(rs.getString(3))));
                }
            }
        }
        return out;
    }

    private static Map<String, String> environment(Connection c, String template, ContainerSpec.Role role) throws SQLException {
        var out = new LinkedHashMap<String, String>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key, value FROM service_template_environment WHERE template_id = ? AND role = ? ORDER BY position")) {
            ps.setString(1, template);
            ps.setString(2, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static List<TemplateOption> options(Connection c, String template) throws SQLException {
        var out = new ArrayList<TemplateOption>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, label, description, rule, required, default_value"
                + " FROM service_template_options WHERE template_id = ? ORDER BY position")) {
            ps.setString(1, template);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TemplateOption(rs.getString(1), rs.getString(2), rs.getString(3), OptionRule.valueOf(rs.getString(4)),
                            rs.getInt(5) == 1, Optional.ofNullable(rs.getString(6))));
                }
            }
        }
        return out;
    }
}
