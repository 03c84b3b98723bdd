/**
 * A protocol-faithful RouterOS 7 API simulator.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link com.nasnetconnect.routeros.sim.RouterOsSimulator} — build, {@code start()}, {@code apiPort()},
 *       {@code tlsPort()}, {@code controlPort()}, {@code faults()}, {@code snapshot()}, {@code close()}.</li>
 *   <li>{@link com.nasnetconnect.routeros.sim.SimulatorCommand#run(String[], java.io.PrintStream)} — the
 *       {@code simulate} command line.</li>
 *   <li>{@link com.nasnetconnect.routeros.sim.Faults} / {@link com.nasnetconnect.routeros.sim.FaultPlan} —
 *       fault injection; {@link com.nasnetconnect.routeros.sim.SimulatorState} — snapshots and diffs.</li>
 * </ul>
 *
 * <h2>Protocol</h2>
 * Words with all five length encodings (non-minimal accepted), sentences, {@code .tag} on every reply,
 * attribute words whose values may contain '=', {@code =.proplist=}, query words with the full stack semantics
 * ({@link com.nasnetconnect.routeros.sim.QueryEngine}), {@code !re}, {@code !done} (with {@code =ret=} for add,
 * get, find, count-only and export), {@code !trap} ({@code =category=} when RouterOS sends one, {@code =message=})
 * followed by {@code !done}, {@code !empty} before {@code !done} for an empty print from 7.18, {@code !fatal} then
 * close (on /quit and on a malformed length), {@code /cancel} (one tag or all), {@code listen}, {@code print
 * =follow=}, {@code =follow-only=} and {@code =interval=} streams with {@code =.dead=true} on removal. Login is the
 * post-6.43 {@code /login =name= =password=}; a failure is the trap "invalid user name or password (6)".
 * Every connection has its own virtual thread; streams are written by their own threads, so several commands
 * run at once on one connection.
 *
 * <h2>Versions</h2>
 * The command trees of 7.16.2 and 7.23.3 ({@code /console/inspect} dumps, bundled gzipped under
 * {@code routeros/inspect-*.json.gz}) decide which menus, commands and arguments exist: an unknown menu gives the
 * traps "no such command or directory (x)" + "no such command prefix", an unknown command "no such command", an
 * unknown argument "unknown parameter x". So /container/envs takes {@code name} in 7.16.2 and {@code list} in
 * 7.23.3, containers {@code envlist}/{@code mounts} vs {@code envlists}/{@code mountlists}, and /safe-mode exists
 * only in 7.23.3.
 *
 * <h2>Modelled menus</h2>
 * /system/identity, /system/resource (live uptime, cpu-load, free-memory), /system/package, /system/script,
 * /system/scheduler, /log, /safe-mode, /interface (+ ethernet, vlan, bridge, bridge/port, bridge/vlan, wireguard,
 * wireguard/peers, veth; one shared id and name space; moving rx/tx counters), /ip/address, /ip/pool,
 * /ip/dhcp-server (+ network), /ip/dhcp-client, /routing/table, /routing/rule, /ip/route (+ dynamic connected
 * routes, ids with the bit 0x80000000, for enabled addresses on running interfaces; {@code check-gateway=ping}
 * makes a route inactive while its gateway does not answer, e.g. a veth address whose container is not running,
 * and only the best usable route of a table and destination is active: see IpHooks#gatewayAnswers),
 * /ip/firewall/filter|nat|mangle|
 * address-list, /container (+ envs, mounts, config), /export. Menus that exist in the tree but are not modelled
 * print empty and refuse changes with the trap "the simulator does not model ...".
 *
 * <h2>Containers</h2>
 * With the container package (the default; {@code Builder.packages("routeros")} leaves it out, and then
 * /container does not exist) a container added with {@code remote-image} is {@code status=extracting} while its
 * image downloads and extracts, then {@code stopped}; start gives {@code running}, stop {@code stopped}; a
 * running container cannot be removed; a failed pull ends in {@code error}. The phases run on the simulator's
 * clock ({@code imagePullDelayMillis}, {@code imageExtractDelayMillis}, {@link
 * com.nasnetconnect.routeros.sim.ImageRegistry}); pull progress, errors and a running container's output
 * ({@code logging=yes}) are /log lines under the topic container, listed in
 * {@link com.nasnetconnect.routeros.sim.ContainerRuntime}. Per version: 7.16.2 containers take envlist/mounts and
 * get a generated name, start/stop select with {@code number}, config has ram-high; 7.23.3 containers take
 * name, envlists/mountlists, start/stop select with {@code numbers}, envs and mounts have disabled (mounts a
 * mode), config has memory-high/memory-max, veth has dhcp, mac-address and container-mac-address.
 *
 * <h2>Script subset</h2>
 * See {@link com.nasnetconnect.routeros.sim.ScriptEngine}: menu commands in console or API form with
 * {@code [find where a=b and c!="d" and e~"re"]}, {@code :delay}, {@code :log}, {@code :put},
 * {@code :do {..} on-error={..}}. Scheduled entries run by
 * {@link com.nasnetconnect.routeros.sim.Scheduler}.
 *
 * <h2>Messages not verified against a real router</h2>
 * The container log lines ("&lt;name&gt;: pulling &lt;image&gt; N%", "&lt;name&gt;: extracting &lt;image&gt;",
 * "&lt;name&gt;: error pulling &lt;image&gt;: ...", "&lt;name&gt;: exited with status 1") and the traps of
 * starting a container that is extracting or failed are the simulator's own ("import successful, container x"
 * follows RouterOS); so are the default delays, the memory-high/ram-high default 0 and the veth MAC addresses.
 * "input does not match any value of &lt;arg&gt;" (documented on the MikroTik API page), "no such command
 * prefix" and "no such command or directory (x)", "unknown parameter x" (7.x, as quoted in client issue
 * reports), "invalid user name or password (6)", "failure: already have interface with such name", "failure:
 * device already added as bridge port", "no such item" and "interrupted" follow RouterOS from public reports. Removing an item still referenced (e.g. an
 * interface carrying an address) is refused with "failure: &lt;name&gt; is in use by &lt;menu&gt; &lt;id&gt;",
 * the wording of "missing value of argument x", "not logged in" (a command before /login), "the simulator does not
 * model ..." and of the other menus' duplicate-name traps are the simulator's own.
 */
package com.nasnetconnect.routeros.sim;
