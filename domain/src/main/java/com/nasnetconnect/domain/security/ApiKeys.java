package com.nasnetconnect.domain.security;

import java.util.List;
import java.util.Optional;

/**
 * In-port: API keys for GraphQL and tools. Managing keys is for admins; a key acts with the role it was
 * created with. The token is returned once, by {@link #create}; afterwards only its SHA-256 exists.
 */
public interface ApiKeys {
    /** @throws IllegalArgumentException for a bad name, or one an active key already has */
    CreatedApiKey create(Principal actor, String name, Role role);

    /** All keys, revoked ones included. */
    List<ApiKeyInfo> list(Principal actor);

    /** @throws IllegalArgumentException when no active key has that name */
    ApiKeyInfo revoke(Principal actor, String name);

    /**
     * The key's principal ({@code apiKey() == true}), recording its use; empty for unknown, revoked and
     * malformed tokens alike.
     */
    Optional<Principal> authenticate(String token);
}
