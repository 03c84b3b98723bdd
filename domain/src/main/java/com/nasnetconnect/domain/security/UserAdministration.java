package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.util.List;

/**
 * In-port: managing users. Admins only ({@link AccessDeniedException} otherwise). There is always at least one
 * admin: the last admin cannot be demoted or deleted, and nobody deletes themselves.
 */
public interface UserAdministration {
    List<UserInfo> list(Principal actor);

    /** The user must change the initial password at first login. */
    UserInfo create(Principal actor, String name, Role role, Secret initialPassword);

    UserInfo changeRole(Principal actor, String name, Role role);

    /** Sets a temporary password (to be changed at next login) and ends the user's sessions. */
    void resetPassword(Principal actor, String name, Secret temporaryPassword);

    /** Deletes the user and ends their sessions. */
    void delete(Principal actor, String name);
}
