package com.nasnetconnect.domain.state;

import java.util.List;

/**
 * Out-port: tells listeners (GraphQL subscriptions, the UI) about committed events. Called only after the
 * commit succeeded, never inside the transaction. Implementations must not throw for a failing listener.
 */
public interface ResourceEventPublisher {
    void publish(List<ResourceEvent> committed);
}
