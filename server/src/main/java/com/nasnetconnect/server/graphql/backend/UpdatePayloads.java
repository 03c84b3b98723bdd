package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.common.Durations;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.schema.types.ApplyUpdatePayload;
import com.nasnetconnect.domain.schema.types.AvailableUpdate;
import com.nasnetconnect.domain.schema.types.UpdatePolicy;
import com.nasnetconnect.domain.schema.types.UpdateRecord;
import com.nasnetconnect.domain.schema.types.UpdateRecordKind;
import com.nasnetconnect.domain.schema.types.UpdateSchedule;
import com.nasnetconnect.domain.schema.types.UpdateSeverity;
import com.nasnetconnect.domain.schema.types.UpdateState;
import com.nasnetconnect.domain.schema.types.UpdateStatus;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.update.Updates;
import java.util.List;
import java.util.Objects;

/**
 * {@code updateStatus}, {@code updateHistory}, {@code checkForUpdates} and {@code applyUpdate} over the
 * {@link Updates} in-port: the domain's status into the schema's types; an apply the domain refuses (not an
 * available version) into {@code userErrors}.
 */
final class UpdatePayloads {
    private final Updates updates;

    UpdatePayloads(Updates updates) {
        this.updates = Objects.requireNonNull(updates, "updates");
    }

    UpdateStatus status(Principal who) {
        return view(updates.status(who));
    }

    UpdateStatus check(Principal who) {
        return view(updates.checkNow(who));
    }

    ApplyUpdatePayload apply(Principal who, String version) {
        try {
            return new ApplyUpdatePayload(view(updates.apply(who, version)), List.of());
        } catch (InputRefused e) {
            return new ApplyUpdatePayload(view(updates.status(who)), UserErrors.refused(e, at -> at));
        }
    }

    List<UpdateRecord> history(Principal who, int first) {
        return updates.history(who, first).stream().map(r -> new UpdateRecord(r.at(), UpdateRecordKind.valueOf(r.kind().name()),
                r.version(), r.ok(), r.detail())).toList();
    }

    static UpdateStatus view(com.nasnetconnect.domain.update.UpdateStatus s) {
        var schedule = s.schedule();
        return new UpdateStatus(s.currentVersion(),
                s.available().map(a -> new AvailableUpdate(a.version(), UpdateSeverity.valueOf(a.severity().name()), a.notes())).orElse(null),
                UpdateState.valueOf(s.state().name()), s.decision(), s.lastCheckAt().orElse(null), s.nextCheckAt().orElse(null),
                s.lastError().orElse(null),
                new UpdateSchedule(Durations.format(schedule.interval()), schedule.quietFrom() + "-" + schedule.quietUntil(),
                        UpdatePolicy.valueOf(schedule.policy().name()), schedule.meteredInterfaces(), schedule.rolloutBucket()));
    }
}
