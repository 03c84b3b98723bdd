/**
 * Administration screens (admins only): users, API keys, the audit trail.
 *
 * <p>Each screen is a headless {@code …Controller} (a {@link com.nasnetconnect.ui.HeadlessController}: no Vaadin,
 * an immutable {@code State}, intent methods, subscribers) and a thin {@code …View} that lays out and binds. Controllers call the domain in-ports
 * ({@code UserAdministration}, {@code ApiKeys}, {@code Sessions}, {@code AuditTrail}) with the signed-in
 * {@code Principal}; the in-ports enforce the role, the controllers only hide what the role cannot do and turn a
 * refusal into a {@link com.nasnetconnect.ui.Notice}. A new API key's token is in exactly one published
 * state and is dropped from the page when its dialog closes. Each view gets its controller in its constructor,
 * built by the composition root's {@link com.nasnetconnect.ui.Screens} table.
 */
package com.nasnetconnect.ui.admin;
