package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ScriptsAndSchedulerTest {

    private RouterOsSimulator sim;
    private RawApiClient c;

    @BeforeEach
    void start() {
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").build().start();
        c = SimTestSupport.login(sim);
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        sim.close();
    }

    private static final String REVERT = """
            # revert the change made by NasNetConnect
            /ip address remove [find where comment="nnc-1"]
            /interface/vlan set [find name=v9] mtu=1500 comment="restored \\"ok\\""
            :delay 100ms
            /system/scheduler remove [find name=nnc-revert]
            :log info "reverted"
            """;

    @Test
    void aScheduledScriptReallyRunsAndRemovesItsOwnSchedule() throws Exception {
        ok(c, "/interface/vlan/add", "=name=v9", "=vlan-id=9", "=interface=ether1", "=mtu=1400");
        ok(c, "/ip/address/add", "=address=10.9.0.1/24", "=interface=v9", "=comment=nnc-1");
        ok(c, "/ip/address/add", "=address=10.9.1.1/24", "=interface=v9", "=comment=keep");
        ok(c, "/system/script/add", "=name=nnc-revert-script", "=source=" + REVERT);
        ok(c, "/system/scheduler/add", "=name=nnc-revert", "=interval=1s", "=on-event=nnc-revert-script");
        waitUntil(() -> rows(c, "/system/scheduler/print").isEmpty());
        assertThat(rows(c, "/ip/address/print")).extracting(r -> r.get("comment")).containsExactly("keep");
        assertThat(row(c, "/interface/vlan/print")).containsEntry("mtu", "1500")
                .containsEntry("comment", "restored \"ok\"");
        assertThat(row(c, "/system/script/print")).containsEntry("run-count", "1");
        assertThat(rows(c, "/log/print", "?message=reverted")).hasSize(1);
    }

    @Test
    void aScheduleAtAnAbsoluteTimeRunsItsInlineSource() throws Exception {
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        ok(c, "/system/scheduler/add", "=name=once", "=start-date=" + at.toLocalDate(),
                "=start-time=" + at.format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                "=on-event=/system identity set name=scheduled");
        waitUntil(() -> "scheduled".equals(row(c, "/system/identity/print").get("name")));
        assertThat(row(c, "/system/scheduler/print")).containsEntry("run-count", "1");
    }

    @Test
    void scriptRunExecutesImmediatelyAndErrorsAreLogged() {
        ok(c, "/system/script/add", "=name=bad", "=source=/ip address remove nosuch");
        ok(c, "/system/script/run", "=number=bad");
        assertThat(rows(c, "/log/print", "?topics=script,error")).singleElement()
                .satisfies(r -> assertThat(r.get("message")).contains("bad").contains("no such item"));
        ok(c, "/system/script/add", "=name=good", "=source=:do { /ip pool add name=x ranges=1.1.1.1 } on-error={ }");
        ok(c, "/system/script/run", "=number=good");
        assertThat(row(c, "/ip/pool/print")).containsEntry("name", "x");
    }

    @Test
    void theScriptEngineSplitsStatementsAndFindsByConditions() {
        assertThat(ScriptEngine.statements("/a b\n/c d; /e \"x;y\"\n# note\n:delay 1s"))
                .containsExactly("/a b", "/c d", " /e \"x;y\"", ":delay 1s");
        assertThat(ScriptEngine.tokens("/ip address remove [find where comment=\"a b\"] x=\"1 2\""))
                .containsExactly("/ip", "address", "remove", "[find where comment=\"a b\"]", "x=\"1 2\"");
        ScriptEngine engine = new ScriptEngine(sim.executor());
        engine.run("/ip pool add name=a ranges=1.1.1.1 comment=x\n/ip/pool/add name=b ranges=1.1.1.2 comment=y");
        engine.run("/ip pool set [find where comment~\"^x\" and name!=b] ranges=9.9.9.9");
        engine.run("/ip pool remove [find comment=y]");
        engine.run("/ip pool remove [find comment=none]");
        assertThat(sim.snapshot().items("/ip/pool").values()).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "a").containsEntry("ranges", "9.9.9.9"));
    }

    @Test
    void unsupportedScriptSyntaxFailsWithTheStatement() {
        ScriptEngine engine = new ScriptEngine(sim.executor());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(":foreach i in=[1] do={}"))
                .hasMessageContaining("unsupported statement: :foreach");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run("/ip nosuchmenu print"))
                .hasMessageContaining("nosuchmenu");
        assertThat(List.of(1)).hasSize(1);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("condition not reached in 10 s");
    }

    /** The shape of the product's revert scripts: every line guarded, console-form API paths, quoted values. */
    private static final String PRODUCT_REVERT = """
            :do {/ip/address/remove [find where address="10.10.0.1/24" and interface="v10"]} on-error={}
            :do {/interface/vlan/remove [find where name="v10"]} on-error={}
            :do {/interface/ethernet/set *2 mtu="1500" comment=""} on-error={}
            :do {/ip/pool/remove [find where name="p\\$x=\\"y\\""]} on-error={}
            :do {/ip/pool/add name="p\\$x=\\"y\\"" ranges="10.0.0.5-10.0.0.9"} on-error={}
            :do {/system/scheduler/remove [find where name="nnc-revert-42"]} on-error={}
            :do {/system/script/remove [find where name="nnc-revert-42"]} on-error={}
            """;

    @Test
    void theProductsRevertScriptShapeUndoesAPlanAndRemovesItself() throws Exception {
        ok(c, "/interface/vlan/add", "=name=v10", "=vlan-id=10", "=interface=ether1");
        ok(c, "/ip/address/add", "=address=10.10.0.1/24", "=interface=v10");
        ok(c, "/interface/ethernet/set", "=numbers=*2", "=mtu=9000", "=comment=jumbo");
        ok(c, "/ip/pool/add", "=name=p$x=\"y\"", "=ranges=1.1.1.1");
        SimulatorState planned = sim.snapshot();
        ok(c, "/system/script/add", "=name=nnc-revert-42", "=source=" + PRODUCT_REVERT);
        ok(c, "/system/scheduler/add", "=name=nnc-revert-42", "=interval=1s", "=on-event=nnc-revert-42");
        waitUntil(() -> rows(c, "/system/script/print").isEmpty());
        assertThat(rows(c, "/system/scheduler/print")).isEmpty();
        assertThat(rows(c, "/ip/address/print")).isEmpty();
        assertThat(rows(c, "/interface/vlan/print")).isEmpty();
        assertThat(row(c, "/interface/print", "?name=ether2")).containsEntry("mtu", "1500");
        assertThat(row(c, "/ip/pool/print")).containsEntry("name", "p$x=\"y\"").containsEntry("ranges",
                "10.0.0.5-10.0.0.9");
        assertThat(planned.diff(sim.snapshot())).extracting(Object::toString).anyMatch(l -> l.startsWith("- /ip/address"));
        assertThat(rows(c, "/log/print", "?topics=script,error")).isEmpty();
    }

    @Test
    void aLongScriptRunDoesNotBlockOtherCommandsOnTheConnection() throws Exception {
        ok(c, "/system/script/add", "=name=slow", "=source=:delay 700ms\n/system identity set name=after-delay");
        c.send("/system/script/run", "=number=slow", ".tag=run");
        List<List<String>> quick = c.call("/system/identity/print", ".tag=q");
        assertThat(quick.getFirst()).contains("=name=MikroTik", ".tag=q");
        List<String> done = c.read();
        assertThat(done).containsExactly("!done", ".tag=run");
        assertThat(row(c, "/system/identity/print")).containsEntry("name", "after-delay");
        // a finished run is no stream any more: cancelling it sends nothing for its tag
        assertThat(c.call("/cancel", "=tag=run", ".tag=c")).containsExactly(List.of("!done", ".tag=c"));
    }
}
