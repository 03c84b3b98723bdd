package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.util.Set;

/**
 * Out-port: routers whose quarantined database was released, so they started afresh with an empty database
 * that is to be filled by adopting the router's own configuration. Cheap to ask.
 */
@OutPort
public interface FreshStarts {
    /** Routers released from quarantine whose configuration has not been adopted yet. */
    Set<RouterId> awaitingAdoption();

    /** The router's configuration was adopted into its fresh database: it no longer awaits adoption. */
    void adopted(RouterId router);

    /** For tests and servers without quarantine: nothing ever awaits adoption. */
    FreshStarts NONE = new FreshStarts() {
        @Override
        public Set<RouterId> awaitingAdoption() {
            return Set.of();
        }

        @Override
        public void adopted(RouterId router) {
        }
    };
}
