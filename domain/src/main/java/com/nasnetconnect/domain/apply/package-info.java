/**
 * Apply → confirm → merge: how intent reaches a router and comes back as confirmed state.
 *
 * <p>In-ports (GraphQL and the UI call these, never an out-port; each checks the caller's role):
 * {@link com.nasnetconnect.domain.apply.RouterRegistration} (list, add, adopt, remove, probe routers),
 * {@link com.nasnetconnect.domain.apply.ResourceQueries} (a resource by uuid, pages, history, time travel,
 * impact, events, following changes) and {@link com.nasnetconnect.domain.apply.ResourceChanges} (create, update,
 * delete with cascade, apply a plan of {@link com.nasnetconnect.domain.apply.PlannedChange}s, check drift). The
 * two resource in-ports share one {@link com.nasnetconnect.domain.apply.ResourceLocator}, the index of which
 * router holds which resource. A new feature adds its in-port the same way.
 *
 * <ul>
 *   <li>{@link com.nasnetconnect.domain.apply.ResourceKindSpecs} — per kind: menu, identity, unique fields,
 *       references (dependency order), router-generated fields, required package; fields translated through
 *       one {@link com.nasnetconnect.domain.apply.FieldMapping} ({@code SchemaFieldMapping}, generated at build
 *       time from the schema's {@code @mikrotik}/{@code @sensitive}).</li>
 *   <li>{@link com.nasnetconnect.domain.apply.ValidationPipeline} — schema rules, references, conflicts,
 *       platform capability, order, pre-flight read, dry-run commands; read-only.</li>
 *   <li>{@link com.nasnetconnect.domain.apply.ApplyConfirmMergeService} — validate, arm the link-loss guard,
 *       run the commands (undo in reverse on failure), read back, confirm, commit event+row in one
 *       transaction through {@link com.nasnetconnect.domain.apply.ApplyLedger}, publish; and
 *       {@code reconcile} after a reconnect or restart. One apply is one pinned
 *       {@link com.nasnetconnect.domain.router.RouterSession} and three router round trips when it works:
 *       the batched pre-flight read; the guard's arming, the commands, the read-back and the guard's confirm,
 *       pipelined; the guard's finish after the commit.</li>
 *   <li>{@link com.nasnetconnect.domain.apply.LinkLossGuard} — {@code PreferSafeModeGuard} (safe mode where
 *       the API offers it, else {@code RevertScriptGuard}: a scheduled {@code /system/script} of the undo).</li>
 *   <li>{@link com.nasnetconnect.domain.apply.DriftService} / {@code DriftMonitor} — deployment layer versus
 *       router; {@link com.nasnetconnect.domain.apply.AdoptService} — onboard existing objects.</li>
 * </ul>
 *
 * Wiring (composition root):
 * <pre>{@code
 * var specs  = ResourceKindSpecs.defaults();  // field mapping generated from the schema
 * var rules  = new BasicSchemaRules(specs).and(new SchemaRulesAdapter(SchemaTables.validationRules()));
 * var ledger = new StateApplyLedger(resourceStore, resourceEventBus, specs, clock);
 * var apply  = new ApplyConfirmMergeService(gateway, ledger, specs, rules,
 *                  new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30)), clock);
 * var drift  = new DriftService(gateway, ledger, specs, apply.locks(), clock);  // waits for an apply in flight
 * var adopt  = new AdoptService(gateway, ledger, specs, rules, apply.locks(), clock);
 * var driftMonitor = new DriftMonitor(drift, routerRepository::findAll, Duration.ofMinutes(5));  // close() at shutdown
 * routerMonitor.subscribe(new ReconcileOnReconnect(apply, routerRepository));
 * var locator = new ResourceLocator(routerRepository, resourceStore, resourceEventBus);  // close() at shutdown
 * var changes = new ResourceChanges(apply, routerRepository, resourceStore, resourceEventBus, locator);
 * var queries = new ResourceQueries(routerRepository, resourceStore, eventLog, locator, resourceEventBus);
 * var registration = new RouterRegistration(routerRepository, gateway, routerMonitor, adopt, specs, resourceStore, clock);
 * }</pre>
 */
package com.nasnetconnect.domain.apply;
