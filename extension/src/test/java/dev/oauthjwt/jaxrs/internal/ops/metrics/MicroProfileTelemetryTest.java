package dev.oauthjwt.jaxrs.internal.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import dev.oauthjwt.jaxrs.support.RecordingMetricRegistry;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The MicroProfile Metrics binding: metric names, closed label sets, and one increment per event. */
class MicroProfileTelemetryTest {

    final RecordingMetricRegistry registry = new RecordingMetricRegistry();
    final MicroProfileTelemetry telemetry = new MicroProfileTelemetry(registry.proxy());

    static String outcome(String value) {
        return "oauth.jwt.requests{outcome=" + value + "}";
    }

    @Test
    void I4_labelValuesComeFromClosedVocabularies_registeredUpFrontSoThatDashboardsSeeZeros() {
        assertThat(registry.registered(outcome("accepted"))).isTrue();
        for (Failure failure : Failure.values()) {
            assertThat(registry.registered(outcome(failure.name().toLowerCase(Locale.ROOT))))
                    .isTrue();
        }
        for (FetchResult result : FetchResult.values()) {
            assertThat(registry.registered("oauth.jwt.fetches{document=jwks,result=" + result.label() + "}"))
                    .isTrue();
        }
        assertThat(registry.registered("oauth.jwt.token.cache{result=hit}")).isTrue();
        assertThat(registry.registered("oauth.jwt.token.cache{result=miss}")).isTrue();
        assertThat(registry.registered("oauth.jwt.validation{}")).isTrue();
        assertThat(registry.count(outcome("accepted"))).isZero();
    }

    @Test
    void countsAcceptedAndEachRefusalReasonUnderItsOwnLabel() {
        telemetry.accepted();
        telemetry.accepted();
        for (Failure failure : Failure.values()) {
            for (int i = 0; i <= failure.ordinal(); i++) {
                telemetry.refused(failure);
            }
        }
        assertThat(registry.count(outcome("accepted"))).isEqualTo(2);
        for (Failure failure : Failure.values()) {
            assertThat(registry.count(outcome(failure.name().toLowerCase(Locale.ROOT))))
                    .as(failure.name())
                    .isEqualTo(failure.ordinal() + 1);
        }
    }

    @Test
    void countsJwksFetchesByResult() {
        telemetry.jwksFetched(FetchResult.OK);
        telemetry.jwksFetched(FetchResult.TIMEOUT);
        telemetry.jwksFetched(FetchResult.TIMEOUT);
        telemetry.jwksFetched(FetchResult.HTTP_STATUS);
        assertThat(registry.count("oauth.jwt.fetches{document=jwks,result=ok}")).isEqualTo(1);
        assertThat(registry.count("oauth.jwt.fetches{document=jwks,result=timeout}"))
                .isEqualTo(2);
        assertThat(registry.count("oauth.jwt.fetches{document=jwks,result=http_status}"))
                .isEqualTo(1);
        assertThat(registry.count("oauth.jwt.fetches{document=jwks,result=refused}"))
                .isZero();
        assertThat(registry.count("oauth.jwt.fetches{document=jwks,result=bad_document}"))
                .isZero();
    }

    @Test
    void countsTokenCacheHitsAndMisses() {
        telemetry.tokenCache(false);
        telemetry.tokenCache(true);
        telemetry.tokenCache(true);
        assertThat(registry.count("oauth.jwt.token.cache{result=miss}")).isEqualTo(1);
        assertThat(registry.count("oauth.jwt.token.cache{result=hit}")).isEqualTo(2);
    }

    @Test
    void timesEveryValidation() {
        telemetry.validated(1_000);
        telemetry.validated(250_000);
        assertThat(registry.count("oauth.jwt.validation{}")).isEqualTo(2);
    }
}
