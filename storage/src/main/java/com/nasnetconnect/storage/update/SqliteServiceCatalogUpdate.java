package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.factory.ContainerSpec;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import com.nasnetconnect.domain.factory.TemplateOption;
import com.nasnetconnect.domain.update.ServiceCatalogUpdate;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ServiceCatalogUpdate} on the {@code service_templates} tables of system.db (migration V4), in one
 * transaction: a template of a known id is replaced with its containers, environment and options; one of a new id
 * is added; nothing else changes (installed instances live in the router databases and keep what they were
 * installed with). A template that is already exactly so is not counted.
 */
public final class SqliteServiceCatalogUpdate implements ServiceCatalogUpdate {
    private final DatabaseManager databases;
    private final com.nasnetconnect.domain.factory.ServiceCatalog current;

    public SqliteServiceCatalogUpdate(DatabaseManager databases, com.nasnetconnect.domain.factory.ServiceCatalog current) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.current = Objects.requireNonNull(current, "current");
    }

    @Override
    public int merge(List<ServiceTemplate> templates) {
        List<ServiceTemplate> changed = templates.stream().filter(t -> !current.template(t.id()).map(t::equals).orElse(false)).toList();
        if (changed.isEmpty()) return 0;
        return databases.inSystemTransaction(c -> {
            for (ServiceTemplate t : changed) {
                for (String table : new String[] {"service_template_environment", "service_template_options", "service_template_containers",
                        "service_templates"}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + (table.equals("service_templates") ? "id" : "template_id") + " = ?")) {
                        ps.setString(1, t.id());
                        ps.executeUpdate();
                    }
                }
                insert(c, t);
            }
            return changed.size();
        });
    }

    private static void insert(Connection c, ServiceTemplate t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_templates (id, name, description, gateway, interface_prefix) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.name());
            ps.setString(3, t.description());
            ps.setString(4, t.gateway().name());
            ps.setString(5, t.interfacePrefix());
            ps.executeUpdate();
        }
        for (ContainerSpec k : t.containers()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_template_containers (template_id, role, image, command) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, t.id());
                ps.setString(2, k.role().name());
                ps.setString(3, k.image());
                ps.setString(4, k.command().orElse(null));
                ps.executeUpdate();
            }
            int position = 0;
            for (Map.Entry<String, String> e : k.environment().entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_template_environment (template_id, role, position, key, value) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, t.id());
                    ps.setString(2, k.role().name());
                    ps.setInt(3, position++);
                    ps.setString(4, e.getKey());
                    ps.setString(5, e.getValue());
                    ps.executeUpdate();
                }
            }
        }
        int position = 0;
        for (TemplateOption o : t.options()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_template_options (template_id, position, key, label, description, rule, required, default_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.id());
                ps.setInt(2, position++);
                ps.setString(3, o.key());
                ps.setString(4, o.label());
                ps.setString(5, o.description());
                ps.setString(6, o.rule().name());
                ps.setInt(7, o.required() ? 1 : 0);
                ps.setString(8, o.defaultValue().orElse(null));
                ps.executeUpdate();
            }
        }
    }
}
