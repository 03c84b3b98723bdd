package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;

/**
 * Out-port: tells listeners (GraphQL subscriptions, the UI) about committed events. Called only after the
 * commit succeeded, never inside the transaction. Implementations must not throw for a failing listener.
 */
@OutPort
public interface ResourceEventPublisher {
    void publish(List<ResourceEvent> committed);
}
