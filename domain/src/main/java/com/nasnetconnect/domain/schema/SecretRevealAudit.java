package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.security.Principal;
import java.time.Instant;

/**
 * Out-port: records that someone saw a {@code @sensitive} value in clear. Implemented by the security
 * feature's audit log. Called before the value is handed out; if it throws, the value is not revealed.
 */
@OutPort
public interface SecretRevealAudit {
    /**
     * @param subject what the value belongs to, e.g. a resource uuid
     * @param field   {@code WireguardInterfaceConfig.privateKey}
     */
    void revealed(Principal who, String subject, String field, String reason, Instant at);
}
