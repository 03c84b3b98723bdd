package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationRulesTest {
    private static FieldRule rule(String field, boolean required, Double min, Double max, Integer minLength, Integer maxLength,
                                  String regex, List<String> oneOf, Format format, Integer minItems, Integer maxItems,
                                  boolean sensitive, String inputType) {
        return new FieldRule(field, required, false, sensitive, min, max, minLength, maxLength, regex, oneOf, format,
                minItems, maxItems, inputType);
    }

    private final ValidationRules rules = new ValidationRules(Map.of(
            "VlanInput", ordered(
                    rule("name", true, null, null, 1, 15, null, null, null, null, null, false, null),
                    rule("vlanId", true, 1.0, 4094.0, null, null, null, null, null, null, null, false, null),
                    rule("key", false, null, null, null, null, "^[A-Za-z0-9+/]{43}=$", null, null, null, null, true, null)),
            "PlanInput", ordered(
                    rule("vlans", true, null, null, null, null, null, null, null, 1, 2, false, "VlanInput"),
                    rule("ports", false, null, null, null, null, null, null, Format.PORT_RANGE, null, null, false, null),
                    rule("mode", false, null, null, null, null, null, List.of("stp", "rstp"), null, null, null, false, null))),
            Map.of("Query.resources", ordered(rule("first", false, 1.0, 500.0, null, null, null, null, null, null, null, false, null))));

    private static Map<String, FieldRule> ordered(FieldRule... rules) {
        var m = new LinkedHashMap<String, FieldRule>();
        for (var r : rules) m.put(r.field(), r);
        return m;
    }

    @Test
    void namesTheFieldAndTheBadValueOfEveryBrokenRule() {
        var v = rules.validate("VlanInput", Map.of("name", "", "vlanId", 5000));
        assertThat(v).extracting(Violation::describe).containsExactly(
                "name: must be at least 1 character(s) long, was 0: ''",
                "vlanId: must be at most 4094, was 5000");
        assertThat(v.get(1).badValue()).isEqualTo(5000);
    }

    @Test
    void aLongBadValueIsEchoedShortenedToThirtyTwoCharacters() {
        String pasted = "n".repeat(80);
        var v = rules.validate("VlanInput", Map.of("name", pasted, "vlanId", 3));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("must be at most 15 characters long, was 80: '" + "n".repeat(32) + "…'");
            assertThat(x.badValue()).isEqualTo("n".repeat(32) + "…");
        });
    }

    @Test
    void reportsAMissingRequiredFieldAndIgnoresAMissingOptionalOne() {
        assertThat(rules.validate("VlanInput", Map.of("vlanId", 3))).extracting(Violation::describe)
                .containsExactly("name: is required");
    }

    @Test
    void masksTheBadValueOfASensitiveField() {
        var v = rules.validate("VlanInput", Map.of("name", "v", "vlanId", 3, "key", "hunter2"));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.badValue()).isEqualTo("******");
            assertThat(x.message()).doesNotContain("hunter2");
        });
    }

    @Test
    void walksNestedInputsAndListsWithIndexedPaths() {
        var v = rules.validate("PlanInput", Map.of(
                "vlans", List.of(Map.of("name", "a", "vlanId", 1), Map.of("name", "b", "vlanId", 0)),
                "ports", "80,8000-99999", "mode", "pvst"));
        assertThat(v).extracting(Violation::fieldPath).containsExactly("vlans[1].vlanId", "ports", "mode");
        assertThat(rules.validate("PlanInput", Map.of("vlans", List.of()))).extracting(Violation::message)
                .containsExactly("must have at least 1 item(s), has 0");
    }

    @Test
    void validatesArgumentsOfARootField() {
        assertThat(rules.validateArguments("Query", "resources", Map.of("first", 501)))
                .extracting(Violation::describe).containsExactly("first: must be at most 500, was 501");
        assertThat(rules.validateArguments("Query", "routers", Map.of())).isEmpty();
    }

    @Test
    void refusesAnUnknownTypeOrFieldByName() {
        assertThatThrownBy(() -> rules.validate("NopeInput", Map.of())).hasMessageContaining("'NopeInput'");
        assertThatThrownBy(() -> rules.validateField("VlanInput", "nope", 1)).hasMessageContaining("'nope'");
    }

    @Test
    void checksFormats() {
        assertThat(Format.IPV4_CIDR.matches("192.168.88.1/24")).isTrue();
        assertThat(Format.IPV4_CIDR.matches("192.168.88.256/24")).isFalse();
        assertThat(Format.IPV4_RANGE.matches("10.0.0.10-10.0.0.99")).isTrue();
        assertThat(Format.HOSTNAME.matches("-bad.lan")).isFalse();
        assertThat(Format.PORT_RANGE.matches("80,443,8000-8080")).isTrue();
        assertThat(Format.PORT_RANGE.matches("0")).isFalse();
        assertThatThrownBy(() -> Format.parse("IPV6")).hasMessageContaining("'IPV6'");
    }
}
