package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    @Test
    void quotesEveryValueSoSpacesEqualsAndKeywordsStayValues() {
        var text = CommandText.of(RouterCommand.of("/ip/address/add").with("comment", "a b=c where not"));
        assertThat(text.text()).isEqualTo("/ip/address/add comment=\"a b=c where not\"");
        assertThat(text.rewrites()).isEmpty();
    }

    @Test
    void usesSingleQuotesForAValueWithDoubleQuotes() {
        assertThat(CommandText.of(RouterCommand.of("/system/script/add").with("source", ":put \"hi\"")).text())
                .isEqualTo("/system/script/add source=':put \"hi\"'");
    }

    @Test
    void sendsAValueWithBothQuotesOrALineBreakAsAnExactWordRewrite() {
        var text = CommandText.of(RouterCommand.of("/system/script/add").with("source", ":put \"it's\"\n:put 2"));
        assertThat(text.text()).doesNotContain("it's").contains("nnc-a0=\"\u0001a0\u0001\"");
        assertThat(text.rewrites()).containsEntry("=nnc-a0=\u0001a0\u0001", List.of("=source=:put \"it's\"\n:put 2"));
    }

    @Test
    void translatesSimpleQueryStacksToWhereExpressions() {
        assertThat(CommandText.where(List.of("?name=ether1"))).contains("name=\"ether1\"");
        assertThat(CommandText.where(List.of("?type=ether", "?type=vlan", "?#|")))
                .contains("( type=\"ether\" or type=\"vlan\" )");
        assertThat(CommandText.where(List.of("?=name=a b", "?<mtu=1500", "?#!")))
                .contains("( name=\"a b\" and ( not mtu<\"1500\" ) )");
        assertThat(CommandText.where(List.of("?>mtu=1000", "?disabled=false")))
                .contains("( mtu>\"1000\" and disabled=\"false\" )");
    }

    @Test
    void passesQueryFormsWithoutInfixEquivalentThroughUnchanged() {
        for (var queries : List.of(List.of("?comment"), List.of("?-comment"), List.of("?a=1", "?b=2", "?#|&"),
                List.of("?#!"), List.of("?a=1", "?#0"))) {
            var text = CommandText.of(new RouterCommand("/ip/route/print", java.util.Map.of(), queries, List.of()));
            assertThat(text.text()).as("%s", queries).endsWith("where nnc-q=\"\u0001q\u0001\"");
            assertThat(text.rewrites()).containsEntry("?nnc-q=\u0001q\u0001", queries);
        }
    }

    @Test
    void putsTheProplistLast() {
        var cmd = RouterCommand.of("/interface/print").where("?type=ether").props(".id", "name", "rx-byte");
        assertThat(CommandText.of(cmd).text()).isEqualTo("/interface/print where type=\"ether\" return .id,name,rx-byte");
    }

    @Test
    void refusesPathsAndPropertyNamesThatAreNotRouterOsWords() {
        assertThatThrownBy(() -> CommandText.of(RouterCommand.of("/ip/addr\"ess/print")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/ip/addr\"ess/print");
        assertThatThrownBy(() -> CommandText.of(RouterCommand.of("/ip/address/print").props("name,x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name,x");
        assertThatThrownBy(() -> CommandText.of(RouterCommand.of("/ip/address/add").with("a=b", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=b");
    }
}
