package dev.oauthjwt.jaxrs.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one strict JSON parser: RFC 8259 exactly, one pass, immutable values, bounded depth and numbers. */
class StrictJsonTest {

    private static Map<String, Object> parse(String json) throws StrictJson.MalformedJsonException {
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void yieldsTheValueTreeWithExactNumbers() throws Exception {
        Map<String, Object> members = parse(
                " {\"s\":\"a\\u00e9\\n\\ud83d\\ude00\",\"i\":1767225600,\"f\":1767225600.75,"
                        + "\"big\":18446744073709551621,\"e\":1.5e3,\"t\":true,\"n\":null,\"a\":[1,\"x\",{}],\"o\":{\"k\":false}} ");
        assertThat(members.get("s")).isEqualTo("aé\n😀");
        assertThat(members.get("i")).isEqualTo(1767225600L);
        assertThat(members.get("f")).isEqualTo(new BigDecimal("1767225600.75"));
        assertThat(members.get("big")).isEqualTo(new BigDecimal("18446744073709551621"));
        assertThat((BigDecimal) members.get("e")).isEqualByComparingTo("1500");
        assertThat(members.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(members).containsKey("n");
        assertThat(members.get("n")).isNull();
        assertThat(members.get("a")).isEqualTo(Arrays.asList(1L, "x", Map.of()));
        assertThat(members.get("o")).isEqualTo(Map.of("k", false));
        assertThat(List.copyOf(members.keySet())).containsExactly("s", "i", "f", "big", "e", "t", "n", "a", "o");
    }

    @Test
    void returnsImmutableValues() throws Exception {
        Map<String, Object> members = parse("{\"a\":[1]}");
        assertThatThrownBy(() -> members.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) members.get("a")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":1,\"\\u0061\":2}"})
    void refusesDuplicateMembersAtAnyDepthAndInAnySpelling(String json) {
        assertRefused(json);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"\\udc00\"}",
                "{\"a\":\"\\ud800x\"}",
                "{\"a\":\"\\ud800\\u0041\"}",
                "{\"a\":\"\\ud800\\n\"}"
            })
    void refusesEscapesThatLeaveALoneSurrogate(String json) {
        assertRefused(json);
    }

    @Test
    void refusesBytesThatAreNotStrictUtf8() {
        for (byte[] bad : List.of(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})) {
            assertThatThrownBy(() -> StrictJson.parseObject(bad)).isInstanceOf(StrictJson.MalformedJsonException.class);
        }
    }

    @Test
    void boundsTheNestingDepth() throws Exception {
        String sixteen = "{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}";
        assertThat(parse(sixteen)).containsKey("a");
        assertRefused("{\"a\":" + "[".repeat(16) + "]".repeat(16) + "}");
        assertRefused("{\"a\":" + "{\"b\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1e1001}", "{\"a\":1e-1001}", "{\"a\":1e99999}", "{\"a\":-1E+99999}"})
    void refusesNumbersWhoseExponentIsOutOfRange(String json) {
        assertRefused(json);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"x\"",
                "1",
                "null",
                "{} {}",
                "{\"a\":1}x",
                "{'a':1}",
                "{\"a\":1,}",
                "{,}",
                "{\"a\":NaN}",
                "{\"a\":Infinity}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":.5}",
                "{\"a\":+1}",
                "{\"a\":-}",
                "{\"a\":tru}",
                "{\"a\":\"\t\"}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}",
                "{/*c*/\"a\":1}",
                "{\"a\" 1}",
                "{\"a\":1 \"b\":2}",
                "{\"a\":[1,]}",
                "{\"a\":[,1]}",
                "{\"a\":\"unterminated}",
                "{a:1}",
                "\u00a0{}"
            })
    void refusesEverythingThatIsNotExactlyOneRfc8259Object(String json) {
        assertRefused(json);
    }
}
