package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandSentenceTest {

    @Test
    void sendsPathAttributesQueriesProplistAndTagAsExactWords() {
        var command = new RouterCommand("/interface/print", Map.of("comment", "x"),
                List.of("?type=ether", "?type=vlan", "?#|"), List.of(".id", "name"));
        assertThat(CommandSentence.words(command, "7")).containsExactly("/interface/print", "=comment=x",
                "?type=ether", "?type=vlan", "?#|", "=.proplist=.id,name", ".tag=7");
    }

    @Test
    void carriesValuesWithSpacesEqualsQuotesAndLineBreaksUnchanged() throws Exception {
        String value = "a b=c \"it's\"\n:put 2\r\n\u00a0Zürich ✓";
        var command = RouterCommand.of("/system/script/add").with("source", value).with("where", "").with("name", "=");
        byte[] bytes = CommandSentence.encode(command, "1");
        // what a router reads back from those bytes
        List<String> read = ApiWords.readSentence(new ByteArrayInputStream(bytes), ApiWords.MAX_WORD);
        assertThat(read).containsExactlyInAnyOrder("/system/script/add", "=source=" + value, "=where=", "=name==", ".tag=1");
        assertThat(read.getFirst()).isEqualTo("/system/script/add");
        assertThat(read.getLast()).isEqualTo(".tag=1");
    }

    @Test
    void passesEveryQueryWordThroughInItsOrder() {
        var command = new RouterCommand("/ip/route/print", Map.of(),
                List.of("?comment", "?-disabled", "?a=1", "?#|&!", "?=name=a b", "?<distance=2", "?#0"), List.of());
        assertThat(CommandSentence.words(command, "3")).containsExactly("/ip/route/print", "?comment", "?-disabled",
                "?a=1", "?#|&!", "?=name=a b", "?<distance=2", "?#0", ".tag=3");
    }

    @Test
    void refusesWhatTheWireCannotSayNamingTheBadPart() {
        assertThatThrownBy(() -> CommandSentence.check(RouterCommand.of("/ip/addr\"ess/print")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/ip/addr\"ess/print");
        assertThatThrownBy(() -> CommandSentence.check(RouterCommand.of("/ip//print")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/ip//print'");
        assertThatThrownBy(() -> CommandSentence.check(RouterCommand.of("/ip/address/print").props("name,x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name,x");
        assertThatThrownBy(() -> CommandSentence.check(RouterCommand.of("/ip/address/add").with("a=b", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a=b'");
        assertThatThrownBy(() -> CommandSentence.check(RouterCommand.of("/ip/address/add").with("a\nb", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute name");
        assertThatThrownBy(() -> CommandSentence.words(RouterCommand.of("/ip/address/add").with("", "1"), "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute name");
    }
}
