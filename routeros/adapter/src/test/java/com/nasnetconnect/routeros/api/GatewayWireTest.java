package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against a scripted loopback peer: exact request words, and reply bytes the simulator does not
 * produce on purpose (multi-line values, odd garbage).
 */
@Timeout(30)
class GatewayWireTest {
    @TempDir
    Path dir;

    private WordServer server;
    private RouterOsGateway gateway;

    private static final GatewaySettings FAST = new GatewaySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
            Duration.ofMillis(200), Duration.ofSeconds(1));

    private RouterEndpoint start(BiConsumer<List<String>, OutputStream> script) throws Exception {
        server = new WordServer((sentence, out) -> {
            if (sentence.getFirst().equals("/login")) WordServer.doneToAll(sentence, out);
            else script.accept(sentence, out);
        });
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        return new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("pw"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) gateway.close();
        if (server != null) server.close();
    }

    private List<String> lastCommand() throws InterruptedException {
        List<String> s;
        do {
            s = server.received.poll(5, TimeUnit.SECONDS);
        } while (s != null && s.getFirst().equals("/login"));
        return s;
    }

    @Test
    void sendsTrickyValuesAsExactWords() throws Exception {
        var router = start(WordServer::doneToAll);
        String both = "say \"it's\" = fine";
        String multi = ":put 1\n:put \"2\"\r\n";
        String unicode = "Zürich ✓ \u00a0 ';=?!#()";
        gateway.execute(router, RouterCommand.of("/system/script/add").with("name", "a b=c")
                .with("source", multi).with("comment", both).with("owner", unicode).with("dont-require-permissions", "")
                .with("policy", "where"));

        var words = lastCommand();
        assertThat(words.getFirst()).isEqualTo("/system/script/add");
        assertThat(words).contains("=name=a b=c", "=source=" + multi, "=comment=" + both, "=owner=" + unicode,
                "=dont-require-permissions=", "=policy=where");
        assertThat(words).noneMatch(w -> w.contains("\u0001") || w.contains("nnc-"));
    }

    @Test
    void sendsLoginWithTheExactPasswordAndNameWords() throws Exception {
        server = new WordServer(WordServer::doneToAll);
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        var router = new RouterEndpoint("127.0.0.1", server.port(), false, "ad min", Secret.of("p\"w' x=\n"));
        gateway.execute(router, RouterCommand.of("/system/identity/print"));
        var login = server.received.poll(5, TimeUnit.SECONDS);
        assertThat(login).containsExactlyInAnyOrder("/login", "=name=ad min", "=password=p\"w' x=\n",
                ".tag=" + WordServer.tagOf(login));
    }

    @Test
    void sendsQueriesAsAnEquivalentStackAndUnusualOnesVerbatim() throws Exception {
        var router = start(WordServer::doneToAll);
        gateway.execute(router, RouterCommand.of("/interface/print").where("?type=ether").where("?type=vlan")
                .where("?#|").props(".id", "name"));
        var words = lastCommand();
        assertThat(words).containsSubsequence("?type=ether", "?type=vlan", "?#|");
        assertThat(words).contains("=.proplist=.id,name");

        gateway.execute(router, RouterCommand.of("/interface/print").where("?comment").where("?-disabled")
                .where("?#&!"));
        assertThat(lastCommand()).containsSubsequence("?comment", "?-disabled", "?#&!");
    }

    @Test
    void returnsRowsWithMultiLineValuesAndTheDoneRet() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            if (s.getFirst().endsWith("/print")) {
                WordServer.send(out, "!re", tag, "=.id=*1", "=source=:put 1\n=oops\n:put 2");
                WordServer.send(out, "!re", tag, "=.id=*2", "=source=");
                WordServer.send(out, "!done", tag);
            } else {
                WordServer.send(out, "!done", tag, "=ret=*A");
            }
        });
        var rows = gateway.execute(router, RouterCommand.of("/system/script/print")).rows();
        assertThat(rows).containsExactly(Map.of(".id", "*1", "source", ":put 1\n=oops\n:put 2"),
                Map.of(".id", "*2", "source", ""));
        assertThat(gateway.execute(router, RouterCommand.of("/system/script/add").with("name", "x")).ret()).contains("*A");
    }

    @Test
    void turnsATrapIntoATypedErrorAndKeepsTheConnection() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            if (s.getFirst().endsWith("/add")) {
                WordServer.send(out, "!trap", tag, "=category=1", "=message=input does not match any value of interface");
            }
            WordServer.send(out, "!done", tag);
        });
        long before = Leaks.readerThreads();
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/address/add").with("interface", "nope")))
                .isInstanceOfSatisfying(RouterException.Trap.class, t -> {
                    assertThat(t.category()).isEqualTo(1);
                    assertThat(t.routerMessage()).isEqualTo("input does not match any value of interface");
                    assertThat(t.command()).isEqualTo("/ip/address/add =interface=nope");
                });
        assertThat(gateway.execute(router, RouterCommand.of("/ip/address/print")).rows()).isEmpty();
        assertThat(gateway.openConnections()).isEqualTo(1);
        assertThat(Leaks.readerThreads()).as("the one connection's reader").isEqualTo(before + 1);
    }

    @Test
    void reportsATrapWithoutCategoryAsMinusOne() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            WordServer.send(out, "!trap", tag, "=message=no such command");
            WordServer.send(out, "!done", tag);
        });
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/nope/print")))
                .isInstanceOfSatisfying(RouterException.Trap.class, t -> assertThat(t.category()).isEqualTo(-1));
    }

    @Test
    void rejectsALoginTrapAsLoginFailedWithoutTheSecret() throws Exception {
        server = new WordServer((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            WordServer.send(out, "!trap", tag, "=message=invalid user name or password (6)");
            WordServer.send(out, "!done", tag);
        });
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        var router = new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("hunter2"));
        var before = Leaks.baseline();
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/system/identity/print")))
                .isInstanceOf(RouterException.LoginFailed.class)
                .hasMessageNotContaining("hunter2").hasMessageContaining("127.0.0.1:" + server.port());
        assertThat(gateway.openConnections()).isZero();
        Leaks.assertBackTo(before);
    }

    @Test
    void refusesBadCommandsBeforeConnecting() throws Exception {
        var router = start(WordServer::doneToAll);
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/addr ess/print".replace(" ", "\""))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received).isEmpty();
    }
}
