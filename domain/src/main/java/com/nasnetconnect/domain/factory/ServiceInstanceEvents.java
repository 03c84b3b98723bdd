package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventJournal;
import com.nasnetconnect.domain.events.NewEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Service instances in the event log, from what the {@link ServiceInstanceFeed} publishes: an install (an instance
 * not seen before and never checked: what {@link ServiceFactory#install} publishes) and an uninstall
 * ({@link InstanceState#STOPPED}, which only the uninstall publishes) are CRITICAL ({@code service.installed},
 * {@code service.uninstalled}); every other change of state or health is NORMAL ({@code service.state}). Each names
 * the instance by its name; secret option values are never part of an event.
 */
public final class ServiceInstanceEvents implements Consumer<ServiceInstance> {
    private static final System.Logger LOG = System.getLogger(ServiceInstanceEvents.class.getName());
    private final EventJournal journal;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(InstanceState state, InstanceHealth.Status health) {
    }

    public ServiceInstanceEvents(EventJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public void accept(ServiceInstance i) {
        Seen now = new Seen(i.state(), i.health().status());
        Seen before = i.state() == InstanceState.STOPPED ? seen.remove(i.id()) : seen.put(i.id(), now);
        var data = new LinkedHashMap<String, Object>();
        data.put("instanceId", i.id());
        data.put("name", i.name());
        data.put("template", i.template());
        data.put("interface", i.interfaceName());
        data.put("state", i.state().name());
        data.put("health", i.health().status().name());
        if (!i.health().reason().isEmpty()) data.put("reason", i.health().reason());
        NewEvent event;
        if (i.state() == InstanceState.STOPPED) {
            event = NewEvent.of(i.routerId(), EventClass.CRITICAL, "service.uninstalled", "system",
                    "service '" + i.name() + "' (" + i.template() + ") uninstalled", data);
        } else if (before == null && i.health().checkedAt().isEmpty()) {
            data.put("vlanId", i.vlanId());
            data.put("subnet", i.subnet());
            event = NewEvent.of(i.routerId(), EventClass.CRITICAL, "service.installed", "system",
                    "service '" + i.name() + "' (" + i.template() + ") installed on " + i.interfaceName() + ", VLAN " + i.vlanId()
                            + ", " + i.subnet(), data);
        } else if (before == null || !before.equals(now)) {
            event = NewEvent.of(i.routerId(), EventClass.NORMAL, "service.state", "system",
                    "service '" + i.name() + "' is " + i.state().name().toLowerCase(java.util.Locale.ROOT)
                            + (now.health() == InstanceHealth.Status.UNKNOWN ? "" : ", " + now.health().name().toLowerCase(java.util.Locale.ROOT))
                            + (i.health().reason().isEmpty() ? "" : ": " + i.health().reason()), data);
        } else {
            return;
        }
        try {
            journal.record(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "service instance " + i.id() + " not recorded in the event log", e);
        }
    }
}
