package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.common.Secret;

/** Out-port: slow, salted password hashing (Argon2id in production). */
@OutPort
public interface PasswordHasher {
    /** A self-describing hash (PHC string: algorithm, parameters, salt, hash). */
    String hash(Secret password);

    /** Constant-time check; false (never an exception) for a malformed hash. */
    boolean verify(Secret password, String hash);
}
