package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter over real HTTP: every answer of the RFC 6750 table, bindings, rules, security context and CDI. */
class SecuredEndpointTest extends SecuredApiTestBase {

    private static final String INVALID_TOKEN =
            "Bearer realm=\"test-api\", error=\"invalid_token\", error_description=";
    private static final String INVALID_REQUEST =
            "Bearer realm=\"test-api\", error=\"invalid_request\", error_description=";

    /** The bare DPoP challenge that every 401 carries next to the Bearer one (DPoP is allowed by default). */
    static final String DPOP_CHALLENGE =
            "DPoP realm=\"test-api\", algs=\"RS256 RS384 RS512 PS256 PS384 PS512 ES256 " + "ES384 ES512\"";

    private String valid() {
        return Tokens.valid(key).sign();
    }

    private static List<String> challenges(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate");
    }

    @Test
    void leavesUnsecuredEndpointsUntouched_A21() {
        assertThat(get("/api/public").statusCode()).isEqualTo(200);
        HttpResponse<String> withGarbage = get("/api/public", "Authorization", "Bearer something");
        assertThat(withGarbage.statusCode()).isEqualTo(200);
        assertThat(challenges(withGarbage)).isEmpty();
    }

    @Test
    void acceptsValidTokenAndExposesPrincipalScopesAndRoles() {
        HttpResponse<String> response = getWithToken("/api/data", valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice scopes=read,write scheme=Bearer users=true admins=false");
    }

    @Test
    void injectsTheVerifiedTokenIntoCdiBeans() {
        HttpResponse<String> response = getWithToken("/api/bean", valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello alice with role admin");
    }

    @Test
    void answersMissingCredentialsWithABareChallenge_A1() {
        HttpResponse<String> response = get("/api/data");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenges(response)).containsExactly("Bearer realm=\"test-api\"", DPOP_CHALLENGE);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic dXNlcjpwYXNz",
                "Digest username=\"x\"",
                "Token abc",
                "Bearer:abc",
                "Bearer=abc",
                "Bearerabc"
            })
    void answersOtherSchemesWithABareChallenge_A2(String authorization) {
        HttpResponse<String> response = get("/api/data", "Authorization", authorization);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenges(response)).containsExactly("Bearer realm=\"test-api\"", DPOP_CHALLENGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
    void matchesTheSchemeCaseInsensitively_A3(String scheme) {
        assertThat(get("/api/data", "Authorization", scheme + " " + valid()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void acceptsSeveralSpacesAfterTheScheme_A6() {
        assertThat(get("/api/data", "Authorization", "Bearer   " + valid()).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "Bearer\tX"})
    void rejectsMalformedBearerCredentialsAsInvalidRequest_A4_A5_A7(String authorization) {
        HttpResponse<String> response = get("/api/data", "Authorization", authorization);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenges(response)).singleElement().asString().startsWith(INVALID_REQUEST);
    }

    @Test
    void rejectsTrailingJunkAndForbiddenCharactersAsInvalidRequest_A9_A10_A11() {
        String token = valid();
        for (String bad : List.of(
                token + " x",
                token + ";x",
                "{\"payload\":\"x\"}",
                "eyJ=hbGc.x.y",
                token + "=junk",
                token.replaceFirst("\\.", "%2E"))) {
            HttpResponse<String> response = get("/api/data", "Authorization", "Bearer " + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(challenges(response)).singleElement().asString().startsWith(INVALID_REQUEST);
        }
    }

    @Test
    void rejectsTwoAuthorizationHeadersInEitherOrder_A12() {
        String alice = valid();
        String bob = Tokens.valid(key).claim("sub", "bob").sign();
        for (String[] pair : List.of(new String[] {alice, bob}, new String[] {bob, alice})) {
            HttpResponse<String> response =
                    get("/api/data", "Authorization", "Bearer " + pair[0], "Authorization", "Bearer " + pair[1]);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(challenges(response))
                    .containsExactly(INVALID_REQUEST + "\"The request carries more than one access token\"");
        }
        assertThat(get("/api/data", "Authorization", "Bearer " + alice, "Authorization", "Basic eDp5")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void rejectsTwoCredentialsInOneHeaderLine_A13() {
        String token = valid();
        assertThat(get("/api/data", "Authorization", "Bearer " + token + ", Bearer " + token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/data", "Authorization", "Bearer " + token + "," + token)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void rejectsTokenSentInHeaderAndQuery_A14() {
        String token = valid();
        HttpResponse<String> response = get("/api/data?access_token=" + token, "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenges(response)).singleElement().asString().startsWith(INVALID_REQUEST);
    }

    @Test
    void neverReadsTokensFromQueryCookiesOrOtherHeaders_A16_A17() {
        String token = valid();
        for (HttpResponse<String> response : List.of(
                get("/api/data?access_token=" + token),
                get("/api/data", "Cookie", "Bearer=" + token),
                get("/api/data", "X-Auth-Token", token),
                get("/api/data", "X-Forwarded-Authorization", "Bearer " + token),
                send(
                        "POST",
                        "/api/data",
                        HttpRequest.BodyPublishers.ofString("access_token=" + token),
                        "Content-Type",
                        "application/x-www-form-urlencoded"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(challenges(response)).containsExactly("Bearer realm=\"test-api\"", DPOP_CHALLENGE);
        }
    }

    @Test
    void rejectsOversizedHeaderWithoutServingTheResource_A18() {
        // Grizzly's own 8 KiB header limit answers first here; the filter's limit is tested in BearerTokenExtractorTest
        HttpResponse<String> response = get("/api/data", "Authorization", "Bearer " + "a".repeat(64 * 1024));
        assertThat(response.statusCode()).isIn(400, 401, 413, 431);
    }

    @Test
    void securesHeadClassLevelAndInterfaceBindings_A20() {
        assertThat(send("HEAD", "/api/data").statusCode()).isEqualTo(401);
        assertThat(get("/class").statusCode()).isEqualTo(401);
        assertThat(get("/contract").statusCode()).isEqualTo(401);
        assertThat(getWithToken("/class", valid()).body()).isEqualTo("class ok");
        assertThat(getWithToken("/contract", valid()).body()).isEqualTo("contract ok");
    }

    @Test
    void rejectsBeforeReadingTheBody_A22() {
        HttpResponse<String> response = send(
                "POST",
                "/api/data",
                HttpRequest.BodyPublishers.ofString("x=" + "y".repeat(1_000_000)),
                "Authorization",
                "Bearer invalid.token.here",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("posted");
    }

    @Test
    void answersInvalidTokensWithInvalidTokenAndAFixedDescription() {
        long now = Instant.now().getEpochSecond();
        assertInvalidToken(
                Tokens.valid(key)
                        .claim("iat", now - 600)
                        .claim("exp", now - 120)
                        .sign(),
                "The access token expired");
        assertInvalidToken(
                Tokens.valid(key).claim("aud", "other-api").sign(),
                "The access token is not intended for this audience");
        assertInvalidToken(
                Tokens.valid(key).claim("iss", "https://evil.example").sign(),
                "The access token was issued by an untrusted issuer");
        assertInvalidToken(
                Tokens.valid(key).signWith(TestKeys.rsa("k1")), "The access token signature could not be verified");
        assertInvalidToken("abc.def.ghi", "The access token is malformed");
        assertInvalidToken(Tokens.valid(key).header("typ", "JOSE").sign(), "The access token type is not accepted");
    }

    private void assertInvalidToken(String token, String description) {
        HttpResponse<String> response = getWithToken("/api/data", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenges(response)).containsExactly(INVALID_TOKEN + "\"" + description + "\"", DPOP_CHALLENGE);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"" + description + "\"}");
    }

    @Test
    void answersMissingScopeWithInsufficientScopeAndTheRequiredScopes_E106_F120() {
        HttpResponse<String> response = getWithToken(
                "/api/scope", Tokens.valid(key).claim("scope", "write").sign());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenges(response))
                .containsExactly("Bearer realm=\"test-api\", error=\"insufficient_scope\", "
                        + "error_description=\"The access token lacks a required scope\", scope=\"read\"");
        assertThat(getWithToken("/api/scope", valid()).statusCode()).isEqualTo(200);
    }

    @Test
    void requiresEveryScopeAndListsThemAll_E113() {
        HttpResponse<String> response = getWithToken("/api/scopes", valid());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenges(response)).singleElement().asString().endsWith("scope=\"read admin\"");
        assertThat(getWithToken(
                                "/api/scopes",
                                Tokens.valid(key).claim("scope", "admin read").sign())
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"readonly", "read:all", "unread", "xread", "read,write", "read+write", "READ", "Read"})
    void matchesScopesExactly_E108_E109(String scope) {
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key).claim("scope", scope).sign())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void treatsAbsentScopeAsNoScope_E107() {
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key).claim("scope", null).sign())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void readsScopesFromTheScpArray_E111() {
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key)
                                        .claim("scope", null)
                                        .claim("scp", List.of("read"))
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void neverAnswersForbiddenForAnInvalidToken_E112() {
        long now = Instant.now().getEpochSecond();
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key)
                                        .claim("iat", now - 900)
                                        .claim("exp", now - 300)
                                        .sign())
                        .statusCode())
                .isEqualTo(401);
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key).claim("scope", "x").signWith(TestKeys.rsa("k1")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(getWithToken(
                                "/api/scope",
                                Tokens.valid(key).claim("aud", "other").sign())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void appliesClaimRules() {
        assertThat(getWithToken("/api/claim", valid()).statusCode()).isEqualTo(200);
        assertThat(getWithToken(
                                "/api/claim",
                                Tokens.valid(key)
                                        .claim("role", List.of("user", "admin"))
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> response = getWithToken(
                "/api/claim", Tokens.valid(key).claim("role", "user").sign());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenges(response))
                .containsExactly("Bearer realm=\"test-api\", error=\"insufficient_scope\", "
                        + "error_description=\"The access token does not satisfy the claim rules of this resource\"");
        assertThat(getWithToken(
                                "/api/claim",
                                Tokens.valid(key).claim("role", null).sign())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void letsMethodRulesOverrideTheClassAnnotation() {
        assertThat(getWithToken("/class/write", valid()).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/class/delete", valid()).statusCode()).isEqualTo(403);
    }

    @Test
    void followsKeyRotationWithOneFetch_G121() {
        TestKeys next = TestKeys.rsa("k2");
        assertThat(getWithToken("/api/data", valid()).statusCode()).isEqualTo(200);
        jwks.publish(key, next);
        jwks.resetCount();
        try {
            sleepPastCooldown();
            assertThat(getWithToken("/api/data", Tokens.valid(next).sign()).statusCode())
                    .isEqualTo(200);
            assertThat(getWithToken("/api/data", valid()).statusCode()).isEqualTo(200);
            assertThat(jwks.requestCount()).isEqualTo(1);
        } finally {
            jwks.publish(key);
        }
    }

    static void sleepPastCooldown() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
