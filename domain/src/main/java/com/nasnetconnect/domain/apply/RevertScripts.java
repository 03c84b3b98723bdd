package com.nasnetconnect.domain.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the RouterOS script that undoes a plan, whatever part of it ran: each line is idempotent and guarded
 * with {@code :do {…} on-error={}}, so it can run after any prefix of the plan and twice without harm. Lines
 * undo the steps in reverse order: an added object is removed by its identity, a changed one gets its old
 * values back, a removed one is added again (after removing any copy, so it exists exactly once). The script
 * ends by removing its scheduler and itself. Uses only {@code :do {…} on-error={}}, {@code [find where …]} and
 * console-form menu commands.
 */
public final class RevertScripts {
    public static final String PREFIX = "nnc-revert-";
    private final ResourceKindSpecs specs;

    public RevertScripts(ResourceKindSpecs specs) {
        this.specs = Objects.requireNonNull(specs, "specs");
    }

    /** Scripts in the attribute names of this router's RouterOS version (when known). */
    public RevertScripts on(java.util.Optional<com.nasnetconnect.domain.router.PlatformInfo> platform) {
        return platform.map(p -> new RevertScripts(specs.on(p))).orElse(this);
    }

    /**
     * The first line of a revert script: a comment naming the plan's resources, each upsert with the
     * {@code appliedAt} its deployment had before the plan (epoch millis, 0 when none), so that the store can
     * tell later whether the plan was committed: {@code # nnc-plan up=<id>@<millis>,… del=<id>,…}.
     */
    public static String header(ValidatedPlan plan) {
        var up = plan.upserts().stream().map(u -> u.id() + "@" + java.util.Optional.ofNullable(plan.before().get(u.id()))
                .flatMap(ManagedResource::deployment).map(d -> d.appliedAt().toEpochMilli()).orElse(0L)).toList();
        var del = plan.deletes().stream().map(ManagedResource::id).toList();
        return "# nnc-plan up=" + String.join(",", up) + " del=" + String.join(",", del) + "\n";
    }

    /**
     * Whether the plan a revert script's header describes is committed in {@code store}: every upserted
     * resource has a deployment applied at another instant than before, and every deleted one is gone.
     * A script without a readable header counts as not committed (it is then run, which is always safe
     * when nothing was committed).
     */
    public static boolean committed(String source, java.util.Map<String, ManagedResource> store) {
        if (!source.startsWith("# nnc-plan ")) return false;
        String line = source.lines().findFirst().orElse("");
        String up = "", del = "";
        for (String part : line.substring("# nnc-plan ".length()).trim().split(" ")) {
            if (part.startsWith("up=")) up = part.substring(3);
            if (part.startsWith("del=")) del = part.substring(4);
        }
        for (String entry : up.isEmpty() ? new String[0] : up.split(",")) {
            int at = entry.lastIndexOf('@');
            if (at < 0) return false;
            var r = store.get(entry.substring(0, at));
            long before = Long.parseLong(entry.substring(at + 1));
            if (r == null || r.deployment().isEmpty() || r.deployment().get().appliedAt().toEpochMilli() == before) return false;
        }
        for (String id : del.isEmpty() ? new String[0] : del.split(",")) {
            if (store.containsKey(id)) return false;
        }
        return !(up.isEmpty() && del.isEmpty());
    }

    public String source(String name, List<PlanStep> steps) {
        var lines = new ArrayList<String>();
        for (PlanStep s : steps.reversed()) {
            var spec = specs.spec(s.resource().kind());
            String menu = spec.menu();
            switch (s.op()) {
                case ADD -> lines.add(menu + "/remove [find where " + identityClause(s, s.command().attributes()) + "]");
                case SET -> {
                    var sb = new StringBuilder(menu).append("/set ").append(s.nativeId().orElseThrow());
                    for (String attr : s.command().attributes().keySet()) {
                        if (attr.equals(".id")) continue;
                        sb.append(' ').append(attr).append('=').append(quote(s.preState().getOrDefault(attr, "")));
                    }
                    lines.add(sb.toString());
                }
                case REMOVE -> {
                    var attrs = UndoCommands.readdAttributes(specs, s);
                    var sb = new StringBuilder(menu).append("/add");
                    attrs.forEach((k, v) -> sb.append(' ').append(k).append('=').append(quote(v)));
                    // remove-then-add instead of :if, so the line is idempotent with the simplest script syntax
                    lines.add(menu + "/remove [find where " + identityClause(s, attrs) + "]");
                    lines.add(sb.toString());
                }
            }
        }
        var out = new StringBuilder();
        for (String l : lines) out.append(":do {").append(l).append("} on-error={}\n");
        out.append(":do {/system/scheduler/remove [find where name=").append(quote(name)).append("]} on-error={}\n");
        out.append(":do {/system/script/remove [find where name=").append(quote(name)).append("]} on-error={}\n");
        return out.toString();
    }

    private String identityClause(PlanStep s, Map<String, String> attrs) {
        var spec = specs.spec(s.resource().kind());
        var parts = new ArrayList<String>();
        for (String field : spec.identity()) {
            var binding = specs.mapping().byDomainField(s.resource().kind(), field);
            if (binding.isEmpty()) continue; // an identity field this mapping does not know
            String v = attrs.get(binding.get().routerAttribute());
            String attr = binding.get().routerAttribute();
            if (v != null) parts.add(attr + "=" + quote(v));
        }
        return String.join(" and ", parts);
    }

    /** A RouterOS string literal: double quotes, with {@code \ " $} escaped. */
    static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }
}
