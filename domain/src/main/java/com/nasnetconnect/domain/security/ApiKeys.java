package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: API keys for GraphQL and tools. Managing keys is for admins; a key acts with the role it was
 * created with. The token is returned once, by {@link #create}; afterwards only its SHA-256 exists.
 */
public interface ApiKeys {
    /** The requested expiry is not in the future; the message names it. */
    final class BadExpiry extends IllegalArgumentException {
        public BadExpiry(String message) {
            super(message);
        }
    }

    /** A key that never expires: {@code create(actor, name, role, null)}. */
    default CreatedApiKey create(Principal actor, String name, Role role) {
        return create(actor, name, role, null);
    }

    /**
     * @param expiresAt null for a key that never expires; else an instant in the future, from which on the key
     *                  authenticates nobody
     * @throws IllegalArgumentException for a bad name, or one an active key already has
     * @throws BadExpiry                for an expiry that is not in the future
     */
    CreatedApiKey create(Principal actor, String name, Role role, Instant expiresAt);

    /** All keys, revoked ones included. */
    List<ApiKeyInfo> list(Principal actor);

    /** @throws IllegalArgumentException when no active key has that name */
    ApiKeyInfo revoke(Principal actor, String name);

    /**
     * The key's principal ({@code apiKey() == true}), recording its use; empty for unknown, revoked, expired
     * and malformed tokens alike.
     */
    Optional<Principal> authenticate(String token);
}
