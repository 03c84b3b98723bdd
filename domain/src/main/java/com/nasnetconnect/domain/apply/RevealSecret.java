package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.ResourceKinds;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port: shows one {@code @sensitive} configuration value of a resource in clear (a WireGuard private key, a
 * preshared key), whoever asks (GraphQL's {@code revealSecret}, the resource page's "Reveal"). Only an admin may,
 * and the reveal is audited (who, which field of which resource, why) before the value is read; a refused
 * caller reads and audits nothing.
 */
public final class RevealSecret {
    private final ResourceLocator locator;
    private final Redactor redactor;

    /** @param redactor knows the sensitive fields and records each reveal on the audit trail */
    public RevealSecret(ResourceLocator locator, Redactor redactor) {
        this.locator = Objects.requireNonNull(locator, "locator");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * The value in clear; empty when the field is not set.
     *
     * @throws com.nasnetconnect.domain.security.AccessDeniedException below admin (nothing is read or audited)
     * @throws NoSuchResource no live resource has this uuid
     * @throws InputRefused   the field is not a secret of the resource's kind ({@code field}), or no reason is
     *                        given ({@code reason})
     */
    public Optional<String> reveal(Principal who, ResourceId id, String field, String reason) {
        who.require(Role.ADMIN, "reveal secrets");
        Resource resource = locator.find(id).orElseThrow(() -> new NoSuchResource(id));
        String configType = ResourceKinds.typeName(resource.kind()) + "Config";
        if (field == null || !redactor.isSensitive(configType, field)) {
            throw InputRefused.of(List.of("field"), "'" + field + "' is not a secret of " + ResourceLabels.describe(resource)
                    + " (" + configType + "." + field + " is not a sensitive field)", String.valueOf(field));
        }
        if (reason == null || reason.isBlank()) {
            throw InputRefused.of(List.of("reason"), "a reason is required to reveal a secret", "");
        }
        return Optional.ofNullable(redactor.reveal(who, id.toString(), configType, field, reason,
                () -> resource.configuration().string(field).orElse(null)));
    }
}
