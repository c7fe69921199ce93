package dev.oauthjwt.jaxrs.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict compact serialization and base64url (catalogue section B), checked before any library sees the token. */
class CompactJwsTest {

    static String valid;

    @BeforeAll
    static void token() {
        valid = Tokens.valid(TestKeys.rsa("k1")).sign();
    }

    private static void assertMalformed(String token) {
        TokenRejectedException e = catchThrowableOfType(TokenRejectedException.class, () -> CompactJws.parse(token));
        assertThat(e).as(token.length() > 80 ? token.substring(0, 80) : token).isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.MALFORMED_TOKEN);
    }

    private static String segment(int index) {
        return valid.split("\\.")[index];
    }

    @Test
    void parsesAValidToken() throws Exception {
        CompactJws jws = CompactJws.parse(valid);
        assertThat(jws.header()).containsEntry("alg", "RS256");
        assertThat(jws.claims()).containsEntry("sub", "alice");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"abc123", "a.b", "a.b.c.d", "a.b.c.d.e", "a.b.c.d.e.f", ".p.s", "h..s", "..", "....", "h.p."})
    void rejectsWrongSegmentStructure_B23_to_B26(String token) {
        assertMalformed(token);
    }

    @Test
    void rejectsTenThousandDotsQuickly_B27() {
        assertMalformed(".".repeat(10_000));
    }

    @Test
    void rejectsPaddingOnAnySegment_B28() {
        assertMalformed(segment(0) + "." + segment(1) + "." + segment(2) + "=");
        assertMalformed(segment(0) + "." + segment(1) + "." + segment(2) + "==");
        assertMalformed(segment(0) + "==." + segment(1) + "." + segment(2));
    }

    @Test
    void rejectsStandardAlphabetCharacters_B29() {
        String sig = segment(2);
        assertMalformed(segment(0) + "." + segment(1) + "." + sig.substring(0, 10) + "+" + sig.substring(11));
        assertMalformed(segment(0) + "." + segment(1) + "." + sig.substring(0, 10) + "/" + sig.substring(11));
    }

    @Test
    void rejectsNonCanonicalLastCharacter_B30() {
        String sig = segment(2); // 256 bytes → 342 chars, the last one carries 4 unused bits
        char last = sig.charAt(sig.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertMalformed(segment(0) + "." + segment(1) + "." + sig.substring(0, sig.length() - 1) + sibling);
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "!", "*", " ", "\n"})
    void rejectsCharactersALenientDecoderWouldSkip_B31(String junk) {
        String sig = segment(2);
        assertMalformed(segment(0) + "." + segment(1) + "." + sig.substring(0, 20) + junk + sig.substring(20));
    }

    @Test
    void rejectsHeaderThatIsNotStrictUtf8_B32() {
        byte[] overlong = {'{', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        assertMalformed(b64(overlong) + "." + segment(1) + "." + segment(2));
        byte[] bom = "\uFEFF{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8);
        assertMalformed(b64(bom) + "." + segment(1) + "." + segment(2));
        assertMalformed(
                b64("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_16)) + "." + segment(1) + "." + segment(2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "\"x\"",
                "null",
                "1",
                "{\"alg\":\"RS256\"}junk",
                "{\"a\":1}{\"b\":2}",
                "{/*c*/\"alg\":\"RS256\"}",
                "{'alg':'RS256'}",
                "{\"alg\":\"RS256\",}",
                "{\"x\":NaN}",
                "{,\"alg\":\"RS256\"}",
                "{\"alg\":\"RS256\"\"kid\":\"k\"}",
                "{\"a\":\"tab\there\"}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":.5}"
            })
    void rejectsHeaderThatIsNotExactlyOneJsonObject_B33(String header) {
        assertMalformed(Tokens.b64(header) + "." + segment(1) + "." + segment(2));
    }

    @Test
    void rejectsDeeplyNestedJsonQuickly_D101() {
        String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertMalformed(segment(0) + "." + Tokens.b64(deep) + "." + segment(2));
    }

    @Test
    void rejectsJweCompactSerialization_C70() {
        assertMalformed(Tokens.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d");
        assertMalformed(
                Tokens.b64("{\"alg\":\"PBES2-HS512+A256KW\",\"p2c\":2147483647,\"enc\":\"A256GCM\"}") + ".a.b.c.d");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
