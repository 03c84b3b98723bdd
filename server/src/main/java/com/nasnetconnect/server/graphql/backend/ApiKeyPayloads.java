package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.schema.types.AccessRole;
import com.nasnetconnect.domain.schema.types.ApiKey;
import com.nasnetconnect.domain.schema.types.ApiKeyPayload;
import com.nasnetconnect.domain.schema.types.CreateApiKeyPayload;
import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** API keys over the {@link ApiKeys} in-port (which checks that the caller is an admin, and audits). */
final class ApiKeyPayloads {
    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeyPayloads(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    List<ApiKey> list(Principal who) {
        return apiKeys.list(who).stream().map(this::apiKey).toList();
    }

    /** The payload carries the plaintext key this once. */
    CreateApiKeyPayload create(Principal who, String name, AccessRole role, Instant expiresAt) {
        try {
            CreatedApiKey created = apiKeys.create(who, name, Role.valueOf(role.name()), expiresAt);
            return new CreateApiKeyPayload(apiKey(created.info()), created.token().reveal(), List.of());
        } catch (ApiKeys.BadExpiry refused) {
            return new CreateApiKeyPayload(null, null, UserErrors.of(List.of("expiresAt"), refused.getMessage(), String.valueOf(expiresAt)));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return new CreateApiKeyPayload(null, null, UserErrors.of(List.of("name"), refused.getMessage(), name));
        }
    }

    ApiKeyPayload revoke(Principal who, String name) {
        try {
            return new ApiKeyPayload(apiKey(apiKeys.revoke(who, name)), List.of());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return new ApiKeyPayload(null, UserErrors.of(List.of("name"), refused.getMessage(), name));
        }
    }

    private ApiKey apiKey(ApiKeyInfo k) {
        return new ApiKey(k.name(), AccessRole.valueOf(k.role().name()), k.createdAt(), k.createdBy(), k.lastUsedAt(),
                k.revokedAt(), k.activeAt(clock.instant()), k.expiresAt());
    }
}
