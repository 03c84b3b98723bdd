/**
 * The RouterOS adapter: {@link com.nasnetconnect.routeros.api.RouterOsGateway}, the domain's
 * {@code RouterGateway}, speaking the RouterOS API itself (the word codec is routeros/protocol's
 * {@code ApiWords}, shared with the simulator).
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
 * <h2>The wire</h2>
 * <ul>
 *   <li>{@link com.nasnetconnect.routeros.api.TransportSocketFactory} opens the socket: TCP, or API-SSL with
 *       trust-on-first-use certificate pinning;</li>
 *   <li>{@link com.nasnetconnect.routeros.api.CommandSentence} turns a {@code RouterCommand} into its exact words
 *       (path, {@code =name=value}, query words, {@code =.proplist=}, {@code .tag=}); values need no quoting;</li>
 *   <li>{@link com.nasnetconnect.routeros.api.ApiChannel} writes each sentence in one write, on a short-lived
 *       virtual thread (so a router that stopped reading never holds a caller), and reads replies on one virtual
 *       thread per connection, handing each sentence to the listener of its {@code .tag};</li>
 *   <li>{@link com.nasnetconnect.routeros.api.ReplyReader} checks every reply sentence first: {@code !re},
 *       {@code !done} (with {@code =ret=}), {@code !trap} (category, message), {@code !empty} (7.18+: no rows);
 *       {@code !fatal}, garbage, end of stream and read errors fail the whole connection;</li>
 *   <li>{@link com.nasnetconnect.routeros.api.RouterOsConnection} logs in ({@code /login =name= =password=},
 *       RouterOS 6.43+), runs pipelined batches, and enforces every call's deadline with a watchdog on the
 *       gateway's one scheduler thread, which fails the call and closes the socket.</li>
 * </ul>
 *
 * <h2>Why not me.legrange:mikrotik</h2>
 * The adapter used to wrap me.legrange:mikrotik 3.0.7. That client starts two platform threads per connection
 * (reader and result processor), ~110 KB resident each: about 22 MB at 100 routers and 220 MB at 1,000, against
 * a 160 MB target. Its processor thread also spins forever on {@code !empty}, {@code !fatal}, garbage or a lost
 * connection, it writes byte by byte, and its command text cannot carry every value; the adapter needed a reply
 * filter, a request rewriter and a command renderer around it. Speaking the API directly needs none of them.
 * The library stays a test dependency: tests and the bench compare with it, and the simulator's tests use it as
 * a second, independent client.
 *
 * <h2>Not here</h2>
 * The domain ↔ RouterOS attribute mapping from the {@code @mikrotik} directives of {@code schema.graphql}
 * lives with the schema; this package moves {@code RouterCommand}s and rows, whatever their names.
 */
package com.nasnetconnect.routeros.api;
