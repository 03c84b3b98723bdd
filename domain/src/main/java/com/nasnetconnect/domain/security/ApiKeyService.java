package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@link ApiKeys}: tokens are {@code nnc_} + 256 random bits; only their SHA-256 is stored. */
public final class ApiKeyService implements ApiKeys {
    public static final String TOKEN_PREFIX = "nnc_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Last use is written at most once a minute per key, to spare the database a write per request. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    private final ApiKeyStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore store, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized CreatedApiKey create(Principal actor, String name, Role role, Instant expiresAt) {
        actor.require(Role.ADMIN, "create API keys");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid API key name '" + name
                    + "' (1-64 letters, digits, '.', '_' or '-', starting with a letter or digit)");
        }
        Objects.requireNonNull(role, "role");
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new BadExpiry("the expiry " + expiresAt + " is not in the future (now "
                    + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        if (store.findActive(name).isPresent()) throw new IllegalArgumentException("an API key named '" + name + "' exists already");
        String token = Tokens.generate(TOKEN_PREFIX);
        ApiKeyRecord key = new ApiKeyRecord(Tokens.id(), name, role, Tokens.sha256(token), now,
                AuditTrail.actorName(actor), null, null, expiresAt);
        store.insert(key);
        audit.record(AuditAction.API_KEY_CREATED, actor, name, "", "role " + role.name().toLowerCase()
                + (expiresAt == null ? "" : ", expires " + expiresAt));
        return new CreatedApiKey(key.info(), Secret.of(token));
    }

    @Override
    public List<ApiKeyInfo> list(Principal actor) {
        actor.require(Role.ADMIN, "list API keys");
        return store.list().stream().map(ApiKeyRecord::info).toList();
    }

    @Override
    public synchronized ApiKeyInfo revoke(Principal actor, String name) {
        actor.require(Role.ADMIN, "revoke API keys");
        ApiKeyRecord key = store.findActive(name)
                .orElseThrow(() -> new IllegalArgumentException("no active API key named '" + name + "'"));
        Instant now = clock.instant();
        store.revoke(key.id(), now);
        audit.record(AuditAction.API_KEY_REVOKED, actor, key.name(), "", "");
        return new ApiKeyInfo(key.id(), key.name(), key.role(), key.createdAt(), key.createdBy(), key.lastUsedAt(), now,
                key.expiresAt());
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (!Tokens.wellFormed(TOKEN_PREFIX, token)) return Optional.empty();
        Instant now = clock.instant();
        Optional<ApiKeyRecord> found = store.findByTokenHash(Tokens.sha256(token)).filter(k -> k.authenticatesAt(now));
        if (found.isEmpty()) return Optional.empty();
        ApiKeyRecord key = found.get();
        if (key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(USE_GRANULARITY))) store.recordUse(key.id(), now);
        return Optional.of(new Principal(key.name(), key.role(), true));
    }
}
