package com.nasnetconnect.domain.apply;

import java.util.List;

/**
 * A confirmed and merged plan: what was committed per resource (deployment as the router reported it), the
 * commands that ran, and the warnings (validation warnings and sent-versus-confirmed mismatches).
 */
public record ApplyResult(List<MergedChange> changes, List<String> commands, List<String> warnings) {
    public ApplyResult {
        changes = List.copyOf(changes);
        commands = List.copyOf(commands);
        warnings = List.copyOf(warnings);
    }
}
