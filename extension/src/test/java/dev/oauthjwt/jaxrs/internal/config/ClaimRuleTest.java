package dev.oauthjwt.jaxrs.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRuleTest {

    @Test
    void parsesNameAndValueAtTheFirstEqualsSign() {
        ClaimRule rule = ClaimRule.parse("role=a=b");
        assertThat(rule.claim()).isEqualTo("role");
        assertThat(rule.value()).isEqualTo("a=b");
    }

    @Test
    void refusesRulesWithoutName() {
        assertThatThrownBy(() -> ClaimRule.parse("role")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimRule.parse("=admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesStringsNumbersBooleansAndArrayElementsByJsonType() {
        assertThat(ClaimRule.parse("role=admin").matches("admin")).isTrue();
        assertThat(ClaimRule.parse("role=admin").matches("Admin")).isFalse();
        assertThat(ClaimRule.parse("role=admin").matches(List.of("user", "admin")))
                .isTrue();
        assertThat(ClaimRule.parse("role=admin").matches(List.of("user"))).isFalse();
        assertThat(ClaimRule.parse("level=3").matches(3L)).isTrue();
        assertThat(ClaimRule.parse("level=3.0").matches(3L)).isTrue();
        assertThat(ClaimRule.parse("level=3").matches("3")).isTrue();
        assertThat(ClaimRule.parse("level=three").matches(3L)).isFalse();
        assertThat(ClaimRule.parse("level=3").matches(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(ClaimRule.parse("admin=true").matches(true)).isTrue();
        assertThat(ClaimRule.parse("admin=true").matches("true")).isTrue();
        assertThat(ClaimRule.parse("admin=true").matches(false)).isFalse();
        assertThat(ClaimRule.parse("role=admin").matches(null)).isFalse();
        assertThat(ClaimRule.parse("role=admin").matches(Map.of("role", "admin")))
                .isFalse();
    }
}
