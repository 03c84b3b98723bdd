package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.common.Secret;

/**
 * Out-port: encrypts secrets at rest (router passwords, API tokens' material, …). The sealed form is text,
 * safe to store in a database column; it carries whatever the implementation needs to open it again
 * (key version, nonce), so keys can be rotated.
 */
@OutPort
public interface SecretCipher {
    String seal(Secret secret);

    /** @throws IllegalArgumentException when the sealed text was tampered with or sealed by an unknown key */
    Secret open(String sealed);
}
