package dev.oauthjwt.jaxrs.internal.dpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.token.Confirmation;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of DPoP verification that need no HTTP: target URIs, proxies, the replay cache, nonces. */
class SenderConstraintPartsTest {

    private static Optional<String> request(String uri, Map<String, List<String>> headers, boolean trusted) {
        return TargetUri.ofRequest(URI.create(uri), name -> headers.get(name), trusted);
    }

    @Test
    void normalizesSchemeHostDefaultPortEscapesAndDotSegmentsButNotThePathCase() {
        assertThat(TargetUri.normalizedClaim("HTTPS://API.Example.COM:443/a/./b/../c/%7euser/%2f"))
                .hasValue("https://api.example.com/a/c/~user/%2F");
        assertThat(TargetUri.normalizedClaim("http://h:80")).hasValue("http://h/");
        assertThat(TargetUri.normalizedClaim("http://h:8080/A")).hasValue("http://h:8080/A");
        assertThat(TargetUri.normalizedClaim("http://h/A")).isNotEqualTo(TargetUri.normalizedClaim("http://h/a"));
    }

    @Test
    void refusesHtuWithQueryFragmentUserInfoOtherSchemesOrNoHost() {
        for (String htu : List.of(
                "http://h/a?b",
                "http://h/a?",
                "http://h/a#f",
                "http://u:p@h/a",
                "ftp://h/a",
                "/a",
                "h/a",
                "http://h/%zz",
                "http://h/%4",
                "not a uri")) {
            assertThat(TargetUri.normalizedClaim(htu)).as(htu).isEmpty();
        }
    }

    @Test
    void ignoresTheRequestQueryAndProxyHeadersUnlessTheProxyIsTrusted() {
        Map<String, List<String>> forwarded = Map.of(
                "Forwarded",
                List.of("for=1.2.3.4;proto=https;host=api.example", "proto=http"),
                "X-Forwarded-Host",
                List.of("evil.example"));
        assertThat(request("http://10.0.0.5:8080/api/x?q=1", forwarded, false)).hasValue("http://10.0.0.5:8080/api/x");
        assertThat(request("http://10.0.0.5:8080/api/x?q=1", forwarded, true)).hasValue("https://api.example/api/x");
        Map<String, List<String>> xForwarded = Map.of(
                "X-Forwarded-Proto",
                List.of("https, http"),
                "X-Forwarded-Host",
                List.of("API.example"),
                "X-Forwarded-Port",
                List.of("8443"));
        assertThat(request("http://10.0.0.5:8080/api/x", xForwarded, true)).hasValue("https://api.example:8443/api/x");
        Map<String, List<String>> junk = Map.of(
                "X-Forwarded-Proto",
                List.of("gopher"),
                "X-Forwarded-Host",
                List.of("a b/c"),
                "X-Forwarded-Port",
                List.of("99999"));
        assertThat(request("http://10.0.0.5:8080/api/x", junk, true)).hasValue("http://10.0.0.5:8080/api/x");
    }

    @Test
    void P1_replayCacheAcceptsEachProofOnceWithinTheWindowAndFailsClosedWhenFull() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        InMemoryReplayCache cache = new InMemoryReplayCache(3, Duration.ofSeconds(10), clock);
        cache.recordFirstUse("a");
        assertRejected(() -> cache.recordFirstUse("a"), Failure.DPOP_PROOF_REPLAYED);
        cache.recordFirstUse("b");
        cache.recordFirstUse("c");
        assertRejected(() -> cache.recordFirstUse("d"), Failure.REPLAY_CACHE_UNAVAILABLE);
        assertRejected(() -> cache.recordFirstUse("a"), Failure.DPOP_PROOF_REPLAYED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.size()).isZero();
        cache.recordFirstUse("d");
        cache.recordFirstUse("a");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void noncesVerifyWithTheSameSecretOnlyAndExpire() {
        MutableClock clock = MutableClock.startingNow();
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        DpopNonces replicaA = new DpopNonces(secret, Duration.ofMinutes(5), Duration.ofSeconds(60), clock);
        DpopNonces replicaB = new DpopNonces(secret.clone(), Duration.ofMinutes(5), Duration.ofSeconds(60), clock);
        DpopNonces other = new DpopNonces(
                "another secret of thirty-two chars!".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(5),
                Duration.ofSeconds(60),
                clock);
        String nonce = replicaA.issue();
        assertThat(replicaB.isValid(nonce)).isTrue();
        assertThat(other.isValid(nonce)).isFalse();
        assertThat(replicaB.isValid(nonce + "A")).isFalse();
        assertThat(replicaB.isValid(null)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(replicaB.isValid(nonce)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(replicaB.isValid(nonce)).isFalse();
    }

    @Test
    void unexpectedErrorsInTheBindingCheckAreAnswered401NotPropagated() throws Exception {
        SenderConstraints constraints = SenderConstraints.inMemory(
                SenderConstraintConfig.from(TestConfig.of(Map.of())),
                Duration.ofSeconds(60),
                MutableClock.startingNow());
        Confirmation bound = new Confirmation(Confirmation.Type.DPOP, "A".repeat(43));
        java.util.function.Function<String, List<String>> broken = name -> {
            throw new IllegalStateException("a container that fails to read a header");
        };
        assertRejected(
                () -> constraints.enforce(
                        true, "a.b.c", bound, new RequestFacts("GET", URI.create("http://h/a"), broken, null)),
                Failure.DPOP_PROOF_INVALID);
    }

    private interface Call {
        void run() throws TokenRejectedException;
    }

    private static void assertRejected(Call call, Failure failure) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
