package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Protocol-level behaviour of the simulator seen through a raw client. */
@Timeout(20)
class ProtocolTest {

    private RouterOsSimulator sim;
    private RawApiClient client;

    @BeforeEach
    void start() throws Exception {
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").build().start();
        client = new RawApiClient(sim.apiPort());
        client.login("admin", "pw");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sim.close();
    }

    @Test
    void answersResourcePrintWithOneReAndDone() throws Exception {
        List<List<String>> r = client.call("/system/resource/print", ".tag=7");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).getFirst()).isEqualTo("!re");
        assertThat(r.get(0)).contains("=board-name=CHR", "=architecture-name=x86_64", ".tag=7");
        assertThat(r.get(1)).containsExactly("!done", ".tag=7");
    }

    @Test
    void tagsEveryReplyIncludingTraps() throws Exception {
        List<List<String>> r = client.call("/ip/nothing/print", ".tag=abc");
        assertThat(r).allSatisfy(s -> assertThat(s).contains(".tag=abc"));
        assertThat(r.get(0)).contains("!trap", "=message=no such command or directory (nothing)");
        assertThat(r.get(1)).contains("!trap", "=message=no such command prefix");
        assertThat(r.getLast().getFirst()).isEqualTo("!done");
    }

    @Test
    void refusesCommandsBeforeLogin() throws Exception {
        try (RawApiClient fresh = new RawApiClient(sim.apiPort())) {
            List<List<String>> r = fresh.call("/system/identity/print");
            assertThat(r.getFirst()).contains("!trap", "=message=not logged in");
            List<List<String>> bad = fresh.call("/login", "=name=admin", "=password=nope");
            assertThat(bad.getFirst()).containsExactly("!trap", "=message=invalid user name or password (6)");
            assertThat(bad.getLast()).containsExactly("!done");
        }
    }

    @Test
    void printsOnlyTheRequestedProperties() throws Exception {
        List<List<String>> r = client.call("/interface/print", "=.proplist=.id,name", "?name=ether2");
        assertThat(r.getFirst()).containsExactly("!re", "=.id=*2", "=name=ether2");
    }

    @Test
    void countOnlyAnswersRet() throws Exception {
        List<List<String>> r = client.call("/interface/print", "=count-only=", "?type=ether");
        assertThat(r).containsExactly(List.of("!done", "=ret=4"));
    }

    @Test
    void addAnswersRetWithTheNewIdAndAttributeValuesMayContainEquals() throws Exception {
        List<List<String>> r = client.call("/ip/address/add", "=address=192.168.88.1/24", "=interface=ether1",
                "=comment=a=b==c");
        assertThat(r).containsExactly(List.of("!done", "=ret=*1"));
        List<List<String>> p = client.call("/ip/address/print", "?comment=a=b==c");
        assertThat(p.getFirst()).contains("=comment=a=b==c", "=network=192.168.88.0");
    }

    @Test
    void anEmptyPrintIsJustDoneBefore718() throws Exception {
        assertThat(client.call("/ip/pool/print")).containsExactly(List.of("!done"));
    }

    @Test
    void anEmptyPrintAnswersEmptyThenDoneFrom718() throws Exception {
        try (RouterOsSimulator newer = RouterOsSimulator.builder().version("7.23.3").credentials("a", "b").build()
                .start(); RawApiClient c = new RawApiClient(newer.apiPort())) {
            c.login("a", "b");
            assertThat(c.call("/ip/pool/print", ".tag=1")).containsExactly(List.of("!empty", ".tag=1"),
                    List.of("!done", ".tag=1"));
            assertThat(c.call("/interface/print", "?name=none")).containsExactly(List.of("!empty"), List.of("!done"));
        }
    }

    @Test
    void answersPipelinedCommandsWrittenTogetherInOrderEachUnderItsOwnTag() throws Exception {
        var together = new ByteArrayOutputStream();
        ApiWords.writeSentence(together, List.of("/interface/bridge/add", "=name=br1", ".tag=1"));
        ApiWords.writeSentence(together, List.of("/interface/bridge/add", "=name=br1", ".tag=2"));
        ApiWords.writeSentence(together, List.of("/interface/bridge/print", "?name=br1", ".tag=3"));
        client.sendBytes(together.toByteArray()); // one write: nobody waits between the commands

        List<List<String>> first = client.readUntilDone();
        List<List<String>> second = client.readUntilDone();
        List<List<String>> third = client.readUntilDone();
        assertThat(first).singleElement().satisfies(s -> assertThat(s).contains("!done", ".tag=1"));
        assertThat(first.getFirst()).anySatisfy(w -> assertThat(w).startsWith("=ret=*"));
        assertThat(second).allSatisfy(s -> assertThat(s).contains(".tag=2"));
        assertThat(second.getFirst().getFirst()).isEqualTo("!trap"); // the name is taken by command 1
        assertThat(third).allSatisfy(s -> assertThat(s).contains(".tag=3"));
        assertThat(third).filteredOn(s -> s.getFirst().equals("!re")).singleElement()
                .satisfies(s -> assertThat(s).contains("=name=br1"));
    }

    @Test
    void runsConcurrentCommandsByTagAndStreamsFollowUntilCancelled() throws Exception {
        client.send("/ip/address/print", "=follow=", ".tag=f");
        client.send("/ip/address/add", "=address=10.0.0.1/8", "=interface=ether1", ".tag=a");
        // order between the two commands' replies is not fixed; collect until the add is done
        List<List<String>> seen = new java.util.ArrayList<>();
        while (seen.stream().noneMatch(s -> s.contains(".tag=a") && s.getFirst().equals("!done"))) {
            seen.add(client.read());
        }
        while (seen.stream().noneMatch(s -> s.contains(".tag=f") && s.contains("=address=10.0.0.1/8"))) {
            seen.add(client.read());
        }
        client.send("/ip/address/remove", "=.id=*1", ".tag=r");
        List<List<String>> after = new java.util.ArrayList<>();
        while (after.stream().noneMatch(s -> s.contains(".tag=f") && s.contains("=.dead=true"))
                || after.stream().noneMatch(s -> s.contains(".tag=r"))) {
            after.add(client.read());
        }
        assertThat(after).anySatisfy(s -> assertThat(s).containsExactly("!re", "=.id=*1", "=.dead=true", ".tag=f"));
        client.send("/cancel", "=tag=f", ".tag=c");
        List<List<String>> end = new java.util.ArrayList<>();
        while (end.stream().noneMatch(s -> s.contains(".tag=c"))) {
            end.add(client.read());
        }
        assertThat(end).contains(List.of("!trap", "=category=2", "=message=interrupted", ".tag=f"),
                List.of("!done", ".tag=f"), List.of("!done", ".tag=c"));
    }

    @Test
    void listenReportsChangesOnly() throws Exception {
        client.send("/interface/listen", ".tag=l");
        List<List<String>> r = client.call("/interface/ethernet/set", "=.id=ether4", "=comment=spare", ".tag=s");
        List<List<String>> all = new java.util.ArrayList<>(r);
        while (all.stream().noneMatch(s -> s.contains(".tag=l"))) {
            all.add(client.read());
        }
        assertThat(all).anySatisfy(s -> assertThat(s).contains("!re", "=name=ether4", "=comment=spare", ".tag=l"));
    }

    @Test
    void quitEndsTheSessionWithFatal() throws Exception {
        client.send("/quit");
        List<String> fatal = client.read();
        assertThat(fatal).containsExactly("!fatal", "session terminated on request");
        assertThat(client.read()).isNull();
    }

    @Test
    void aSentenceWithoutACommandWordGetsATrap() throws Exception {
        List<List<String>> r = client.call("=name=x", ".tag=9");
        assertThat(r.getFirst()).contains("!trap", ".tag=9");
        assertThat(client.call("/system/identity/print").getFirst()).contains("=name=MikroTik");
    }

    @Test
    void aWordThatIsNoAttributeGetsATrapAndTheConnectionLives() throws Exception {
        List<List<String>> r = client.call("/system/identity/print", "garbage");
        assertThat(r.getFirst()).contains("!trap", "=message=unknown parameter garbage");
        assertThat(client.call("/system/identity/print").getFirst()).contains("=name=MikroTik");
    }

    @Test
    void anInvalidLengthByteClosesTheConnectionWithFatal() throws Exception {
        client.sendBytes(new byte[] {(byte) 0xF8, 1, 2, 3});
        List<String> fatal = client.read();
        assertThat(fatal.getFirst()).isEqualTo("!fatal");
        assertThat(client.read()).isNull();
        // the simulator still serves others
        try (RawApiClient other = new RawApiClient(sim.apiPort())) {
            other.login("admin", "pw");
        }
    }

    @Test
    void acceptsNonMinimalLengthsAndLongWordsFromClients() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] cmd = "/system/identity/set".getBytes(StandardCharsets.US_ASCII);
        b.write(new byte[] {(byte) 0xE0, 0, 0, (byte) cmd.length});
        b.writeBytes(cmd);
        String name = "r".repeat(0x4000);
        byte[] word = ("=name=" + name).getBytes(StandardCharsets.US_ASCII);
        b.writeBytes(ApiWords.encodeLength(word.length));
        b.writeBytes(word);
        b.write(new byte[] {(byte) 0x80, 0});
        b.write(0);
        client.sendBytes(b.toByteArray());
        assertThat(client.readUntilDone()).containsExactly(List.of("!done"));
        List<List<String>> r = client.call("/system/identity/print");
        assertThat(r.getFirst().get(1)).hasSize(6 + 0x4000);
    }

    @Test
    void getAndFindAnswerRet() throws Exception {
        assertThat(client.call("/interface/get", "=.id=ether2", "=value-name=mtu"))
                .containsExactly(List.of("!done", "=ret=1500"));
        assertThat(client.call("/system/identity/get", "=value-name=name"))
                .containsExactly(List.of("!done", "=ret=MikroTik"));
    }

    @Test
    void printWithIntervalRepeatsUntilCancelAndCancelWithoutTagStopsEverything() throws Exception {
        client.send("/system/resource/print", "=interval=100ms", "=.proplist=uptime", ".tag=i");
        client.send("/ip/address/print", "=follow-only=", ".tag=f");
        int ticks = 0;
        while (ticks < 3) {
            List<String> s = client.read();
            if (s.contains(".tag=i") && s.getFirst().equals("!re")) {
                ticks++;
            }
        }
        client.send("/cancel", ".tag=c");
        List<List<String>> end = new java.util.ArrayList<>();
        while (end.stream().noneMatch(s -> s.contains(".tag=c"))) {
            end.add(client.read());
        }
        assertThat(end).contains(List.of("!done", ".tag=i"), List.of("!done", ".tag=f"), List.of("!done", ".tag=c"));
    }

    @Test
    void theLibrarysOrQueriesWorkOverTheWire() throws Exception {
        List<List<String>> r = client.call("/interface/print", "?name=ether1", "?name=ether3", "?#|", "=.proplist=name");
        assertThat(r).containsExactly(List.of("!re", "=name=ether1"), List.of("!re", "=name=ether3"), List.of("!done"));
    }

    @Test
    void randomBytesNeverHangOrCrashTheSimulator() throws Exception {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 30; round++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            try (RawApiClient fuzz = new RawApiClient(sim.apiPort())) {
                fuzz.socket().setSoTimeout(300);
                fuzz.sendBytes(junk);
                fuzz.socket().shutdownOutput();
                try {
                    while (fuzz.read() != null) {
                        // drain whatever the simulator answers
                    }
                } catch (java.io.IOException expected) {
                    // garbage in, closed connection or timeout out: both fine
                }
            }
        }
        assertThat(client.call("/system/identity/print", ".tag=alive").getFirst()).contains(".tag=alive");
        try (RawApiClient again = new RawApiClient(sim.apiPort())) {
            again.login("admin", "pw");
        }
    }
}
