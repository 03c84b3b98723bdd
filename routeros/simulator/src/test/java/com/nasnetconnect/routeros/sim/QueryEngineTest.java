package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class QueryEngineTest {

    private static final List<Map<String, String>> ITEMS = List.of(
            Map.of(".id", "*1", "name", "ether1", "type", "ether", "mtu", "1500"),
            Map.of(".id", "*2", "name", "ether2", "type", "ether", "mtu", "9000", "comment", "uplink"),
            Map.of(".id", "*A", "name", "vlan10", "type", "vlan", "mtu", "1496"),
            Map.of(".id", "*B", "name", "bridge", "type", "bridge", "mtu", "1500", "comment", "a=b"));

    private static List<String> names(String... query) {
        var p = QueryEngine.compile(List.of(query));
        return ITEMS.stream().filter(p).map(i -> i.get("name")).toList();
    }

    @Test
    void anEmptyQueryMatchesEverything() {
        assertThat(names()).hasSize(4);
    }

    @Test
    void presenceAndAbsence() {
        assertThat(names("?comment")).containsExactly("ether2", "bridge");
        assertThat(names("?-comment")).containsExactly("ether1", "vlan10");
    }

    @Test
    void equalityInBothSpellingsAndValuesContainingEquals() {
        assertThat(names("?type=ether")).containsExactly("ether1", "ether2");
        assertThat(names("?=type=vlan")).containsExactly("vlan10");
        assertThat(names("?comment=a=b")).containsExactly("bridge");
    }

    @Test
    void lessAndGreaterCompareNumbersNumerically() {
        assertThat(names("?<mtu=1500")).containsExactly("vlan10");
        assertThat(names("?>mtu=1500")).containsExactly("ether2");
        assertThat(names("?>.id=*2")).containsExactly("vlan10", "bridge");
    }

    @Test
    void consecutiveWordsAreAndedImplicitly() {
        assertThat(names("?type=ether", "?mtu=1500")).containsExactly("ether1");
    }

    @Test
    void orNotAndAndOperators() {
        assertThat(names("?type=vlan", "?type=bridge", "?#|")).containsExactly("vlan10", "bridge");
        assertThat(names("?type=ether", "?#!")).containsExactly("vlan10", "bridge");
        assertThat(names("?type=ether", "?mtu=9000", "?#&")).containsExactly("ether2");
        assertThat(names("?type=ether", "?comment", "?#&!")).containsExactly("ether1", "vlan10", "bridge");
    }

    @Test
    void theDocumentedExampleOfOrOverThreeValues() {
        // type=ether OR type=vlan OR type=bridge, then NOT: nothing left
        assertThat(names("?type=ether", "?type=vlan", "?#|", "?type=bridge", "?#|!")).isEmpty();
        assertThat(names("?type=ether", "?type=vlan", "?type=bridge", "?#||")).hasSize(4);
    }

    @Test
    void indexPushesACopyAndDotDoesNothing() {
        // [vlan, bridge] -> copy index 0 (counted from the bottom) -> [vlan, bridge, vlan] -> | -> [vlan, bridge|vlan]
        assertThat(names("?type=vlan", "?type=bridge", "?#0|")).containsExactly("vlan10");
        assertThat(names("?type=vlan", "?#.")).containsExactly("vlan10");
        assertThat(names("?type=vlan", "?type=bridge", "?#|0")).containsExactly("vlan10", "bridge");
    }

    @Test
    void malformedOperatorsAreRejectedWithATrap() {
        assertThatThrownBy(() -> names("?#x")).isInstanceOf(ApiTrap.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> names("?type=ether", "?#&")).isInstanceOf(ApiTrap.class)
                .hasMessageContaining("underflow");
        assertThatThrownBy(() -> names("?type=ether", "?#5")).isInstanceOf(ApiTrap.class)
                .hasMessageContaining("index 5");
    }
}
