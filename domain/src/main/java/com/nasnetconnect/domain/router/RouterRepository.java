package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;
import java.util.Optional;

/** Out-port: the registered routers (system.db). Passwords are stored encrypted by the implementation. */
@OutPort
public interface RouterRepository {
    List<Router> findAll();

    Optional<Router> find(RouterId id);

    /** Inserts or replaces the router with this id. */
    void save(Router router);

    /** Soft delete: the router disappears from {@link #findAll()}; its data is kept for archiving. */
    void delete(RouterId id);
}
