package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Router reachability changes as NORMAL events ({@code router.unreachable} with the reason, {@code router.reachable}
 * when it answers again), named by the router's name. Listens to the status monitor's rounds; the first status of
 * a router is where it starts, not a change, unless it starts unreachable.
 */
public final class ReachabilityEvents implements Consumer<List<RouterStatus>> {
    private static final System.Logger LOG = System.getLogger(ReachabilityEvents.class.getName());
    private final EventJournal journal;
    private final Map<RouterId, Boolean> reachable = new HashMap<>();

    public ReachabilityEvents(EventJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public synchronized void accept(List<RouterStatus> round) {
        for (RouterStatus s : round) {
            Boolean before = reachable.put(s.routerId(), s.reachable());
            if (before == null ? s.reachable() : before == s.reachable()) continue;
            var data = new LinkedHashMap<String, Object>();
            data.put("router", s.name());
            data.put("reachable", s.reachable());
            s.problem().ifPresent(p -> data.put("reason", p));
            String summary = s.reachable() ? "router '" + s.name() + "' is reachable again"
                    : "router '" + s.name() + "' is unreachable: " + s.problem().orElse("no answer");
            try {
                journal.record(NewEvent.of(s.routerId(), EventClass.NORMAL, s.reachable() ? "router.reachable" : "router.unreachable",
                        "system", summary, data));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reachability of router " + s.routerId() + " not recorded in the event log", e);
            }
        }
    }
}
