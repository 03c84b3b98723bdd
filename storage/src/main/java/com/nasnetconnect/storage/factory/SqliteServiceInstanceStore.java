package com.nasnetconnect.storage.factory;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceStore;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.SecretCipher;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ServiceInstanceStore} on the {@code service_instances} tables of each router's database, next to the
 * resources the instances created. Secret option values are stored only {@link SecretCipher#seal sealed}. The
 * unique VLAN id and interface name make {@link #reserve} fail with {@link Taken} for a second claim. Health (status,
 * reason, when it was seen) is kept with the state, so a restart shows what the lifecycle last knew.
 */
public final class SqliteServiceInstanceStore implements ServiceInstanceStore {
    private static final String COLUMNS = "id, template, name, interface_name, vlan_id, subnet, state, progress, created_nanos";
    private static final String HEALTH_COLUMNS = "health_status, health_reason, health_checked_nanos";

    private final DatabaseManager databases;
    private final SecretCipher cipher;

    private final RouterObjectIndex index;

    public SqliteServiceInstanceStore(DatabaseManager databases, SecretCipher cipher) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.index = new RouterObjectIndex(databases, "service-instance", "service_instances");
    }

    @Override
    public void reserve(ServiceInstance instance) {
        // sealed outside the transaction: sealing is slow next to SQLite's write lock
        var sealed = new LinkedHashMap<String, String>();
        instance.secrets().forEach((k, v) -> sealed.put(k, cipher.seal(v)));
        index.put(instance.id(), instance.routerId()); // before the instance: the index may name too much, never too little
        try {
            databases.inRouterTransaction(instance.routerId(), c -> {
                String holder = holder(c, instance);
                if (holder != null) throw new Taken(holder);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_instances (" + COLUMNS + ", " + HEALTH_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, instance.id());
                    ps.setString(2, instance.template());
                    ps.setString(3, instance.name());
                    ps.setString(4, instance.interfaceName());
                    ps.setInt(5, instance.vlanId());
                    ps.setString(6, instance.subnet());
                    ps.setString(7, instance.state().name());
                    ps.setInt(8, instance.progress());
                    ps.setLong(9, nanos(instance.createdAt()));
                    health(ps, 10, instance.health());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_instance_options (instance_id, key, value, value_sealed) VALUES (?, ?, ?, ?)")) {
                    for (var e : instance.options().entrySet()) option(ps, instance.id(), e.getKey(), e.getValue(), null);
                    for (var e : sealed.entrySet()) option(ps, instance.id(), e.getKey(), null, e.getValue());
                }
                writeResources(c, instance);
                return null;
            });
        } catch (RuntimeException e) {
            index.remove(instance.id()); // not reserved after all (e.g. its VLAN id is held)
            throw e;
        }
    }

    private static String holder(Connection c, ServiceInstance instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, interface_name, vlan_id FROM service_instances WHERE vlan_id = ? OR interface_name = ?")) {
            ps.setInt(1, instance.vlanId());
            ps.setString(2, instance.interfaceName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return rs.getInt(3) == instance.vlanId()
                        ? "VLAN id " + instance.vlanId() + " is already held by service " + rs.getString(2) + " (" + rs.getString(1) + ")"
                        : "interface name " + instance.interfaceName() + " is already held by service " + rs.getString(1);
            }
        }
    }

    private static void option(PreparedStatement ps, String id, String key, String value, String sealed) throws SQLException {
        ps.setString(1, id);
        ps.setString(2, key);
        ps.setString(3, value);
        ps.setString(4, sealed);
        ps.executeUpdate();
    }

    @Override
    public void update(ServiceInstance instance) {
        databases.inRouterTransaction(instance.routerId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_instances SET state = ?, progress = ?, health_status = ?,"
                    + " health_reason = ?, health_checked_nanos = ? WHERE id = ?")) {
                ps.setString(1, instance.state().name());
                ps.setInt(2, instance.progress());
                health(ps, 3, instance.health());
                ps.setString(6, instance.id());
                if (ps.executeUpdate() == 0) throw new IllegalStateException("no service instance " + instance.id() + " to update");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM service_instance_resources WHERE instance_id = ?")) {
                ps.setString(1, instance.id());
                ps.executeUpdate();
            }
            writeResources(c, instance);
            return null;
        });
    }

    private static void health(PreparedStatement ps, int first, InstanceHealth health) throws SQLException {
        ps.setString(first, health.status().name());
        ps.setString(first + 1, health.reason());
        if (health.checkedAt().isPresent()) ps.setLong(first + 2, nanos(health.checkedAt().get()));
        else ps.setNull(first + 2, java.sql.Types.INTEGER);
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static void writeResources(Connection c, ServiceInstance instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_instance_resources (instance_id, position, resource_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (ResourceId r : instance.resources()) {
                ps.setString(1, instance.id());
                ps.setInt(2, position++);
                ps.setString(3, r.toString());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Optional<ServiceInstance> find(RouterId router, String id) {
        Objects.requireNonNull(id, "id");
        return databases.withRouter(router, c -> query(c, router, " WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public List<ServiceInstance> list(RouterId router) {
        return databases.withRouter(router, c -> query(c, router, " ORDER BY created_nanos, rowid"));
    }

    @Override
    public void delete(RouterId router, String id) {
        databases.inRouterTransaction(router, c -> {
            for (String table : List.of("service_instance_options", "service_instance_resources")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE instance_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM service_instances WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        index.remove(id);
    }

    @Override
    public Optional<RouterId> routerOf(String instanceId) {
        return index.routerOf(instanceId);
    }

    @Override
    public java.util.Set<RouterId> routersWithInstances() {
        return index.routers();
    }

    private List<ServiceInstance> query(Connection c, RouterId router, String where, String... params) throws SQLException {
        var heads = new ArrayList<Object[]>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", " + HEALTH_COLUMNS + " FROM service_instances" + where)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long checked = rs.getLong(12);
                    var checkedAt = rs.wasNull() ? Optional.<Instant>empty() : Optional.of(instant(checked));
                    heads.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), InstanceState.valueOf(rs.getString(7)), rs.getInt(8), instant(rs.getLong(9)),
                            new InstanceHealth(InstanceHealth.Status.valueOf(rs.getString(10)), rs.getString(11), checkedAt)});
                }
            }
        }
        var out = new ArrayList<ServiceInstance>();
        for (Object[] h : heads) {
            String id = (String) h[0];
            var resources = new ArrayList<ResourceId>();
            try (PreparedStatement ps = c.prepareStatement("SELECT resource_id FROM service_instance_resources WHERE instance_id = ? ORDER BY position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) resources.add(ResourceId.parse(rs.getString(1)));
                }
            }
            var options = new LinkedHashMap<String, String>();
            var secrets = new LinkedHashMap<String, Secret>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, value_sealed FROM service_instance_options WHERE instance_id = ? ORDER BY key")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(3) != null) secrets.put(rs.getString(1), cipher.open(rs.getString(3)));
                        else options.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            out.add(new ServiceInstance(id, router, (String) h[1], (String) h[2], (String) h[3], (Integer) h[4], (String) h[5],
                    (InstanceState) h[6], (Integer) h[7], (InstanceHealth) h[9], resources, options, secrets, (Instant) h[8]));
        }
        return out;
    }
}
