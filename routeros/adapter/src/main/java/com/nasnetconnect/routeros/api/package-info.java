/**
 * The RouterOS adapter: {@link com.nasnetconnect.routeros.api.RouterOsGateway}, the domain's
 * {@code RouterGateway} over me.legrange:mikrotik 3.0.7, used unchanged.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * var gateway = new RouterOsGateway(GatewaySettings.defaults(),
 *         new FileCertificatePins(dataDir.resolve("router-certificates.txt")));
 * RouterReply r = gateway.execute(endpoint, RouterCommand.of("/ip/address/print").where("?interface=ether1"));
 * PlatformInfo p = gateway.platform(endpoint);
 * try (var session = gateway.session(endpoint)) {   // one pooled connection, pinned until closed
 *     var batch = session.batch();                  // written together, awaited together: one round trip
 *     var added = batch.add(RouterCommand.of("/interface/bridge/add").with("name", "br1"));
 *     var rows = batch.add(RouterCommand.of("/interface/bridge/print"));
 *     batch.run();                                  // each command has its own outcome: added.get(), rows.failure()
 * }
 * long trips = gateway.roundTrips(endpoint);        // counted by the connections, logins included
 * try (var s = gateway.stream(endpoint, RouterCommand.of("/interface/listen"), row -> …, error -> …)) { … }
 * gateway.close();
 * }</pre>
 *
 * <h2>How the library is kept safe</h2>
 * The library gets its socket from {@link com.nasnetconnect.routeros.api.TransportSocketFactory} (its
 * SocketFactory hook). Below it:
 * <ul>
 *   <li>{@link com.nasnetconnect.routeros.api.ReplyFilterInputStream} reads whole reply sentences: drops
 *       {@code !empty} (RouterOS 7.18+; the library's processor thread spins forever on it), reports
 *       {@code !fatal}, garbage, end of stream and I/O errors to the connection instead of feeding them to the
 *       library (each would make it spin too), hides line breaks in values from the library's line splitting,
 *       and shows the adapter what the library drops ({@code =ret=}, a trap's category);</li>
 *   <li>{@link com.nasnetconnect.routeros.api.RequestOutputStream} sends one write per sentence (the library
 *       writes byte by byte) and substitutes exact words for what the library's command text cannot say;</li>
 *   <li>{@link com.nasnetconnect.routeros.api.CommandText} renders a {@code RouterCommand} as that text.</li>
 * </ul>
 * Every call has a deadline enforced by a watchdog that fails the call and closes the connection; the library
 * writes on a thread of its own, so a caller leaves at its deadline even when the library is blocked.
 *
 * <h2>Not here</h2>
 * The domain ↔ RouterOS attribute mapping from the {@code @mikrotik} directives of {@code schema.graphql}
 * lives with the schema; this package moves {@code RouterCommand}s and rows, whatever their names.
 */
package com.nasnetconnect.routeros.api;
