package dev.oauthjwt.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The form-body scan behind catalogue #15: which bodies name an {@code access_token} parameter. */
class FormBodyTokenDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "access_token=abc|true|true",
        "x=1&access_token=abc|true|true",
        "access_token|true|true",
        "access_token=|true|true",
        "x=1&access%5Ftoken=abc|true|true",
        "x=1&access%5ftoken=abc|true|true",
        "access_tokens=abc|true|false",
        "my_access_token=abc|true|false",
        "x=access_token|true|false",
        "x=1&access_token|false|false",
        "x=1&access_token=abc&y=2|false|true",
        "x=%zz&access%zztoken=1|true|false",
        "''|true|false",
        "&&&|true|false",
    })
    void A15_recognisesTheAccessTokenParameterOnly(String form, boolean complete, boolean expected) {
        assertThat(FormBodyTokenDetector.namesToken(form, complete)).isEqualTo(expected);
    }
}
