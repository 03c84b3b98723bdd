package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;
import java.util.Optional;

/** Out-port: where users live. Names are unique. */
@OutPort
public interface UserStore {
    Optional<UserAccount> find(String name);

    /** @throws IllegalArgumentException when the name is taken */
    void insert(UserAccount user);

    /** Replaces the stored user of the same name. */
    void update(UserAccount user);

    /** @return false when there was no such user */
    boolean delete(String name);

    List<UserAccount> list();
}
