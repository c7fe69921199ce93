package dev.oauthjwt.jaxrs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 6750 §2.1 grammar of the Authorization header, below the HTTP container's own limits. */
class BearerTokenExtractorTest {

    private static Failure failureOf(List<String> values, boolean inQuery) {
        TokenRejectedException e =
                catchThrowableOfType(TokenRejectedException.class, () -> BearerTokenExtractor.extract(values, inQuery));
        assertThat(e).as("expected a rejection").isNotNull();
        return e.failure();
    }

    private static Failure failureOf(String value) {
        return failureOf(List.of(value), false);
    }

    @Test
    void returnsTheTokenAfterOneOrMoreSpaces_A3_A6() throws Exception {
        assertThat(BearerTokenExtractor.extract(List.of("Bearer abc.def.ghi"), false))
                .isEqualTo("abc.def.ghi");
        assertThat(BearerTokenExtractor.extract(List.of("bEaReR   abc.def.ghi"), false))
                .isEqualTo("abc.def.ghi");
        assertThat(BearerTokenExtractor.extract(List.of("Bearer a-b_c~d+e/f=="), false))
                .isEqualTo("a-b_c~d+e/f==");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc.def.ghi ",
                "Bearer abc.def.ghi\t",
                "Bearer abc.def.ghi \t  ",
                " Bearer abc.def.ghi",
                "\tBearer abc.def.ghi",
                " \t Bearer abc.def.ghi \t "
            })
    void ignoresOptionalWhitespaceAroundTheFieldValue_RFC9110(String value) throws Exception {
        assertThat(BearerTokenExtractor.extract(List.of(value), false)).isEqualTo("abc.def.ghi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc .def", "Bearer abc\t.def", "Bearer\t abc", "Bearer abc\u00A0", "Bearer abc\n"})
    void keepsRefusingWhitespaceInsideTheCredential(String value) {
        assertThat(failureOf(value)).isEqualTo(Failure.MALFORMED_HEADER);
    }

    @Test
    void reportsNoCredentialsWithoutHeaderOrForOtherSchemes_A1_A2() {
        assertThat(failureOf(null, false)).isEqualTo(Failure.NO_CREDENTIALS);
        assertThat(failureOf(List.of(), false)).isEqualTo(Failure.NO_CREDENTIALS);
        for (String other : List.of("Basic dXNlcjpwYXNz", "Bearer:x", "Bearer=x", "BearerX", "Token x", "", "Bear")) {
            assertThat(failureOf(other)).as(other).isEqualTo(Failure.NO_CREDENTIALS);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "Bearer      ",
                "Bearer\tabc",
                "Bearer\u00A0abc",
                "Bearer abc def",
                "Bearer abc;x",
                "Bearer {\"a\":1}",
                "Bearer abc%2E",
                "Bearer eyJ=hbGc.x.y",
                "Bearer sig=junk",
                "Bearer ==",
                "Bearer abc\u00e9",
                "Bearer abc\r\nX: y"
            })
    void reportsMalformedCredentials_A4_A5_A7_A9_A10_A11(String value) {
        assertThat(failureOf(value)).isEqualTo(Failure.MALFORMED_HEADER);
    }

    @Test
    void reportsMoreThanOneCredential_A12_A13_A14() {
        assertThat(failureOf(List.of("Bearer a", "Bearer b"), false)).isEqualTo(Failure.MULTIPLE_CREDENTIALS);
        assertThat(failureOf(Arrays.asList("Bearer a", "Basic b"), false)).isEqualTo(Failure.MULTIPLE_CREDENTIALS);
        assertThat(failureOf("Bearer a, Bearer b")).isEqualTo(Failure.MULTIPLE_CREDENTIALS);
        assertThat(failureOf("Bearer a,b")).isEqualTo(Failure.MULTIPLE_CREDENTIALS);
        assertThat(failureOf(List.of("Bearer abc"), true)).isEqualTo(Failure.MULTIPLE_CREDENTIALS);
    }

    @Test
    void rejectsTokensLongerThan8KiBBeforeLookingAtThem_A18_A19() {
        assertThat(failureOf("Bearer " + "a".repeat(8193))).isEqualTo(Failure.TOKEN_TOO_LARGE);
        assertThat(failureOf("Bearer " + "a".repeat(200_000) + "!")).isEqualTo(Failure.TOKEN_TOO_LARGE);
        assertThat(failureOf("Bearer " + "=".repeat(10_000))).isEqualTo(Failure.TOKEN_TOO_LARGE);
        assertThat(failureOf("Bearer " + "a".repeat(8000) + "!")).isEqualTo(Failure.MALFORMED_HEADER);
    }
}
