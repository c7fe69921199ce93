package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR's behaviour over real HTTP, on a real server: one subclass per server ({@link PayaraMicroIT},
 * {@link OpenLibertyIT}); the server and its {@link JwksStub} are booted once per run by {@link Servers}. Each test
 * starts from a JWKS that serves the server's initial key.
 */
@ExtendWith(Servers.class)
abstract class SecuredApiContract extends SampleApiClient {

    /** {@code oauth.jwt.jwks.min-refresh-interval} of the servers under test (1 s), plus a margin. */
    private static final long COOLDOWN_MILLIS = 1_300;
    /** {@code oauth.jwt.jwks.timeout} of the servers under test. */
    private static final Duration JWKS_DEADLINE = Duration.ofSeconds(2);

    JwksStub jwks;
    TestKey key;

    @BeforeEach
    void resetJwks(StubbedServer stubbed) {
        this.server = stubbed.server();
        this.jwks = stubbed.jwks();
        this.key = stubbed.initialKey();
        jwks.mode(JwksStub.Mode.SERVE);
        jwks.publish(key);
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    @Test
    void publicEndpointIsOpen() throws Exception {
        HttpResponse<String> response = get("/api/public", null);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void servesNoProtectedResourceMetadataWithoutAResource() throws Exception {
        assertThat(get("/api/.well-known/oauth-protected-resource", null).statusCode()).isEqualTo(404);
    }

    @Test
    void missingTokenGetsOneBareBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/data", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"" + Servers.API_REALM + "\"");
    }

    @Test
    void otherSchemeGetsBareBearerChallenge() throws Exception {
        HttpResponse<String> response = send(request("/api/data").header("Authorization", "Basic YWxpY2U6c2VjcmV0"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"" + Servers.API_REALM + "\"");
    }

    @Test
    void validTokenGetsTheSeedMessageWithScopeAndRole() throws Exception {
        HttpResponse<String> response = get("/api/data", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(READ_ADMIN_MESSAGE);
    }

    @Test
    void scopeEndpointAnswersSubjectAndScopeFromInjectedToken() throws Exception {
        HttpResponse<String> response = get("/api/scope", key.token("read", "user"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"subject\":\"alice\",\"scope\":\"read\"}");
    }

    @Test
    void claimEndpointAnswersSubjectAndRoleFromInjectedToken() throws Exception {
        HttpResponse<String> response = get("/api/claim", key.token("write", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"subject\":\"alice\",\"role\":\"admin\"}");
    }

    @Test
    void rejectsExpiredToken() throws Exception {
        String expired = key.token("read", "admin", claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        });
        HttpResponse<String> response = get("/api/data", expired);
        assertInvalidToken(response);
        assertThat(challenge(response)).contains("error_description=\"The access token expired\"");
    }

    @Test
    void rejectsTokenForAnotherAudience() throws Exception {
        HttpResponse<String> response = get("/api/data", key.token("read", "admin", c -> c.setAudience("other-api")));
        assertInvalidToken(response);
    }

    @Test
    void rejectsTokenFromAnotherIssuer() throws Exception {
        HttpResponse<String> response = get("/api/data",
                key.token("read", "admin", c -> c.setIssuer("https://evil.example")));
        assertInvalidToken(response);
    }

    @Test
    void rejectsTokenSignedByAnotherKeyUnderAKnownKid() throws Exception {
        TestKey attacker = TestKey.generate();
        String forged = attacker.sign(claimsOf(key.token("read", "admin")), key.kid());
        HttpResponse<String> response = get("/api/data", forged);
        assertInvalidToken(response);
    }

    @Test
    void missingScopeGets403InsufficientScopeNamingIt() throws Exception {
        HttpResponse<String> response = get("/api/scope", key.token("write readwrite", "admin"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .startsWith("Bearer realm=\"" + Servers.API_REALM + "\"")
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"read\"");
    }

    @Test
    void failingClaimRuleGets403() throws Exception {
        HttpResponse<String> response = get("/api/claim", key.token("read", "user"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response)).contains("error=\"insufficient_scope\"");
    }

    @Test
    void twoAuthorizationHeadersGet400() throws Exception {
        String token = key.token("read", "admin");
        HttpResponse<String> response = send(request("/api/data")
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"");
    }

    /** Catalogue #15 (POLICY): the body is never read; a form-body token is not used, the header token decides. */
    @Test
    void A15_formBodyTokenIsIgnored_formFieldsReachTheResourceIntact() throws Exception {
        String token = key.token("read", "admin");
        HttpResponse<String> both = send(form(token, "message=hi&access_token=" + token));
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.body()).contains("\"length\":2");
        HttpResponse<String> large = send(form(token, "x=1&message=" + "a".repeat(100_000) + "&y=2"));
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.body()).contains("\"length\":100000");
        // a valid token in the body never rescues an invalid header token
        assertInvalidToken(send(form(token + "x", "access_token=" + token)));
    }

    /** A form POST on HTTP/1.1 (no h2c upgrade offer on a request with a body). */
    private HttpRequest.Builder form(String token, String body) {
        return request("/api/form").version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void tokenAlsoInQueryGets400() throws Exception {
        String token = key.token("read", "admin");
        HttpResponse<String> response = send(request("/api/data?access_token=" + token)
                .header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"");
    }

    @Test
    void malformedBearerHeaderGets400() throws Exception {
        HttpResponse<String> response = send(request("/api/data").header("Authorization", "Bearer a b"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"");
    }

    @Test
    void publicEndpointIgnoresAnInvalidToken() throws Exception {
        HttpResponse<String> response = get("/api/public", "not-a-token");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void headOnSecuredGetWithoutTokenGets401() throws Exception {
        HttpResponse<String> response = send(request("/api/data").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).hasSize(1);
    }

    @Test
    void acceptsRotatedKeyWithoutRestart() throws Exception {
        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
        TestKey next = TestKey.generate();
        jwks.add(next);
        Thread.sleep(COOLDOWN_MILLIS); // an unknown kid may trigger one fetch per min-refresh-interval
        int fetchesBefore = jwks.requestCount();

        HttpResponse<String> response = get("/api/data", next.token("read", "admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jwks.requestCount()).isGreaterThan(fetchesBefore);
        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsAcceptingCachedKeysDuringJwksOutage() throws Exception {
        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
        jwks.mode(JwksStub.Mode.FAIL);
        Thread.sleep(COOLDOWN_MILLIS);
        // an unknown kid makes the server try (and fail) to refresh its keys ...
        HttpResponse<String> unknown = get("/api/data", TestKey.generate().token("read", "admin"));
        assertThat(unknown.statusCode()).isEqualTo(503);
        // ... and the cached key still works
        HttpResponse<String> response = get("/api/data", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("scope 'read' and role 'admin'");
    }

    @Test
    void answers503WithinTheDeadlineWhenJwksHangsAndKidIsUnknown() throws Exception {
        jwks.mode(JwksStub.Mode.HANG);
        Thread.sleep(COOLDOWN_MILLIS);
        long start = System.nanoTime();

        HttpResponse<String> response = get("/api/data", TestKey.generate().token("read", "admin"));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
        // the JWKS deadline is 2 s; generous slack for a loaded CI machine, far below the stub's 30 s hang
        assertThat(elapsed).isLessThan(JWKS_DEADLINE.plusSeconds(8));
    }

    @Test
    void answers503WhenJwksFailsAndKidIsUnknown() throws Exception {
        jwks.mode(JwksStub.Mode.FAIL);
        Thread.sleep(COOLDOWN_MILLIS);
        HttpResponse<String> response = get("/api/data", TestKey.generate().token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** @return the payload (claims JSON) of a compact token */
    private static String claimsOf(String token) {
        String payload = token.split("\\.")[1];
        return new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
    }
}
