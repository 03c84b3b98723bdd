package com.nasnetconnect.storage.factory;

import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.domain.factory.RoutingPolicy;
import com.nasnetconnect.domain.factory.RoutingPolicyStore;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RoutingPolicyStore} on the {@code routing_policies} tables of each router's database. A policy references
 * its instance ({@code ON DELETE CASCADE}): forgetting an instance forgets its policies, and a policy of an
 * instance the router's database does not hold cannot be saved. Saving a policy that exists replaces it.
 */
public final class SqliteRoutingPolicyStore implements RoutingPolicyStore {
    private static final String COLUMNS = "id, instance_id, match_kind, match_value, created_nanos";

    private final DatabaseManager databases;
    private final RouterObjectIndex index;

    public SqliteRoutingPolicyStore(DatabaseManager databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.index = new RouterObjectIndex(databases, "routing-policy", "routing_policies");
    }

    @Override
    public void save(RoutingPolicy policy) {
        index.put(policy.id(), policy.routerId()); // before the policy: the index may name too much, never too little
        databases.inRouterTransaction(policy.routerId(), c -> {
            delete(c, policy.id());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_policies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, policy.id());
                ps.setString(2, policy.instanceId());
                ps.setString(3, policy.match().kind().name());
                ps.setString(4, policy.match().value());
                Instant at = policy.createdAt();
                ps.setLong(5, Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_policy_resources (policy_id, position, resource_id) VALUES (?, ?, ?)")) {
                int position = 0;
                for (ResourceId r : policy.resources()) {
                    ps.setString(1, policy.id());
                    ps.setInt(2, position++);
                    ps.setString(3, r.toString());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<RoutingPolicy> find(RouterId router, String id) {
        Objects.requireNonNull(id, "id");
        return databases.withRouter(router, c -> query(c, router, " WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public List<RoutingPolicy> list(RouterId router) {
        return databases.withRouter(router, c -> query(c, router, " ORDER BY created_nanos, rowid"));
    }

    @Override
    public void delete(RouterId router, String id) {
        Objects.requireNonNull(id, "id");
        databases.inRouterTransaction(router, c -> {
            delete(c, id);
            return null;
        });
        index.remove(id);
    }

    @Override
    public Optional<RouterId> routerOf(String policyId) {
        return index.routerOf(policyId);
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM routing_policies WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate(); // its resources go by the cascade
        }
    }

    private static List<RoutingPolicy> query(Connection c, RouterId router, String where, String... params) throws SQLException {
        record Head(String id, String instanceId, PolicyMatch match, Instant createdAt) { }
        var heads = new ArrayList<Head>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM routing_policies" + where)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long nanos = rs.getLong(5);
                    heads.add(new Head(rs.getString(1), rs.getString(2),
                            new PolicyMatch(PolicyMatch.Kind.valueOf(rs.getString(3)), rs.getString(4)),
                            Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))));
                }
            }
        }
        var out = new ArrayList<RoutingPolicy>();
        for (Head h : heads) {
            var resources = new ArrayList<ResourceId>();
            try (PreparedStatement ps = c.prepareStatement("SELECT resource_id FROM routing_policy_resources WHERE policy_id = ? ORDER BY position")) {
                ps.setString(1, h.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) resources.add(ResourceId.parse(rs.getString(1)));
                }
            }
            out.add(new RoutingPolicy(h.id(), router, h.instanceId(), h.match(), resources, h.createdAt()));
        }
        return out;
    }
}
