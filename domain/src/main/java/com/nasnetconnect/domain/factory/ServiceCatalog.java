package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;
import java.util.Optional;

/** Out-port: the service templates a user can install (seeded at first start with tor, wireguard, socks5, adguard). */
@OutPort
public interface ServiceCatalog {
    /** Every template, ordered by id. */
    List<ServiceTemplate> templates();

    Optional<ServiceTemplate> template(String id);
}
