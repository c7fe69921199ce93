package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR's behaviour over real HTTP, on a real server: one subclass per server and matrix
 * ({@link PayaraMicroIT}, {@link OpenLibertyIT} on Java 17; {@link PayaraMicroEe11IT}, {@link OpenLibertyJava25IT}
 * on Java 25); the server and its {@link JwksStub} are booted once per run by {@link Servers}. Each test
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
    RsaJsonWebKey encryptionKey;
    IntrospectionEndpoint introspection;

    @BeforeEach
    void resetJwks(StubbedServer stubbed) {
        this.server = stubbed.server();
        this.jwks = stubbed.jwks();
        this.key = stubbed.initialKey();
        this.encryptionKey = stubbed.encryptionKey();
        this.introspection = stubbed.introspection();
        jwks.mode(JwksStub.Mode.SERVE);
        jwks.publish(key);
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    @Test
    void serverRunsTheServerVersionFeaturesAndJavaOfItsMatrix() throws Exception {
        assertServerRunsItsMatrix();
    }

    @Test
    void publicEndpointIsOpen() throws Exception {
        HttpResponse<String> response = get("/api/public", null);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void servesNoProtectedResourceMetadataWithoutAResource() throws Exception {
        assertThat(get("/api/.well-known/oauth-protected-resource", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void missingTokenGetsABareBearerAndABareDpopChallenge() throws Exception {
        HttpResponse<String> response = get("/api/data", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrderElementsOf(bareChallenges());
    }

    @Test
    void otherSchemeGetsBareChallenges() throws Exception {
        HttpResponse<String> response = send(request("/api/data").header("Authorization", "Basic YWxpY2U6c2VjcmV0"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrderElementsOf(bareChallenges());
    }

    @Test
    void validTokenGetsTheSeedMessageWithScopeAndRole() throws Exception {
        HttpResponse<String> response = get("/api/data", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(READ_ADMIN_MESSAGE);
    }

    @Test
    void encryptedTokenIsAcceptedAndATamperedOneRefused_J6() throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue("RSA-OAEP-256");
        jwe.setEncryptionMethodHeaderParameter("A256GCM");
        jwe.setKeyIdHeaderValue(encryptionKey.getKeyId());
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setKey(encryptionKey.getPublicKey());
        jwe.setPlaintext(key.token("read", "admin"));
        String encrypted = jwe.getCompactSerialization();

        HttpResponse<String> accepted = get("/api/data", encrypted);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(READ_ADMIN_MESSAGE);

        String[] parts = encrypted.split("\\.");
        parts[4] = (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1); // the authentication tag
        HttpResponse<String> tampered = get("/api/data", String.join(".", parts));
        assertInvalidToken(tampered);
        assertThat(challenge(tampered)).contains("error_description=\"The access token could not be decrypted\"");
    }

    @Test
    void opaqueTokensAreIntrospectedAndJwtsStayLocal_K1() throws Exception {
        int before = introspection.calls();
        HttpResponse<String> active = get("/api/data", IntrospectionEndpoint.ACTIVE_PREFIX + UUID.randomUUID());
        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.body()).isEqualTo(READ_ADMIN_MESSAGE);

        assertInvalidToken(get("/api/data", "opaque-revoked-" + UUID.randomUUID()));
        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
        assertThat(introspection.calls() - before)
                .as("one call per opaque token, none for the JWT")
                .isEqualTo(2);
    }

    /** RFC 9110 §5.5: the container may hand trailing SP/HTAB to the application; they are not part of the value. */
    @Test
    void optionalWhitespaceAroundTheAuthorizationValueIsIgnored_RFC9110() throws Exception {
        String token = key.token("read", "admin");
        for (String value : List.of("Bearer " + token + " ", "Bearer " + token + "\t", "Bearer " + token + " \t ")) {
            assertThat(statusLine(rawGet("/api/data", value)))
                    .as(value.substring(value.length() - 3).replace("\t", "TAB"))
                    .isEqualTo("HTTP/1.1 200");
        }
        assertThat(statusLine(rawGet("/api/data", "Bearer " + token + " x"))).isEqualTo("HTTP/1.1 400");
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
        HttpResponse<String> response =
                get("/api/data", key.token("read", "admin", c -> c.setIssuer("https://evil.example")));
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
        return request("/api/form")
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void tokenAlsoInQueryGets400() throws Exception {
        String token = key.token("read", "admin");
        HttpResponse<String> response =
                send(request("/api/data?access_token=" + token).header("Authorization", "Bearer " + token));
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
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrderElementsOf(bareChallenges());
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

    @Test
    void readinessCheckIsUpWithTheKeysOfTheIssuer() throws Exception {
        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
        OperationsEndpoints.Readiness ready = OperationsEndpoints.awaitReadiness(server, "UP", Duration.ofSeconds(20));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.checkStatus()).as(ready.body()).isEqualTo("UP");
        assertThat(ready.data().getString("issuer.1")).isEqualTo(TestKey.ISSUER);
        assertThat(ready.data().getString("issuer.1.state")).isIn("fresh", "stale");
        assertThat(ready.number("issuer.1.keys")).isPositive();
        assertThat(ready.body()).doesNotContain(jwks.uri());
    }

    @Test
    void metricsEndpointCountsAcceptedAndRefusedRequestsByOutcome() throws Exception {
        String before = OperationsEndpoints.metrics(server);
        double accepted = OperationsEndpoints.metric(before, "oauth_jwt_requests_total", "outcome=\"accepted\"");
        double expired = OperationsEndpoints.metric(before, "oauth_jwt_requests_total", "outcome=\"expired\"");
        assertThat(accepted).as(before).isGreaterThanOrEqualTo(0);
        assertThat(expired).as(before).isGreaterThanOrEqualTo(0);

        assertThat(get("/api/data", key.token("read", "admin")).statusCode()).isEqualTo(200);
        assertThat(get("/api/data", key.token("read", "admin", claims -> {
                            claims.setIssuedAt(
                                    NumericDate.fromSeconds(NumericDate.now().getValue() - 1200));
                            claims.setExpirationTime(
                                    NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
                        }))
                        .statusCode())
                .isEqualTo(401);

        String after = OperationsEndpoints.metrics(server);
        assertThat(OperationsEndpoints.metric(after, "oauth_jwt_requests_total", "outcome=\"accepted\""))
                .isEqualTo(accepted + 1);
        assertThat(OperationsEndpoints.metric(after, "oauth_jwt_requests_total", "outcome=\"expired\""))
                .isEqualTo(expired + 1);
        assertThat(OperationsEndpoints.metric(after, "oauth_jwt_fetches_total", "result=\"ok\""))
                .as(after)
                .isPositive();
        assertThat(OperationsEndpoints.metric(after, "oauth_jwt_validation_seconds_count", ""))
                .as(after)
                .isPositive();
    }

    // Authorization: @RolesAllowed, @PermitAll, @DenyAll on @Secured endpoints; MicroProfile JWT injection ---------

    private static final String ROLE_MISSING =
            "error_description=\"The access token lacks a role this resource requires\"";

    @Test
    void rolesAllowedAdmitsATokenWithTheRole() throws Exception {
        HttpResponse<String> response = get("/api/admin", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Admin area\",\"subject\":\"alice\"}");
    }

    @Test
    void rolesAllowedAnswers403InsufficientScopeWithoutTheRole() throws Exception {
        HttpResponse<String> response = get("/api/admin", key.token("read", "user"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .isEqualTo("Bearer realm=\"" + Servers.API_REALM + "\", error=\"insufficient_scope\", " + ROLE_MISSING);
        assertThat(response.body()).doesNotContain("admin");
    }

    @Test
    void rolesAllowedWithoutTokenGetsABareChallenge() throws Exception {
        HttpResponse<String> response = get("/api/admin", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrderElementsOf(bareChallenges());
    }

    @Test
    void rolesAllowedReadsKeycloakRealmAndClientRoles() throws Exception {
        String realmRole = key.token(
                "read", null, c -> c.setClaim("realm_access", Map.of("roles", List.of("offline_access", "admin"))));
        String clientRole = key.token(
                "read",
                null,
                c -> c.setClaim("resource_access", Map.of("sample-api", Map.of("roles", List.of("admin")))));
        String otherClient = key.token(
                "read",
                null,
                c -> c.setClaim("resource_access", Map.of("other-api", Map.of("roles", List.of("admin")))));
        assertThat(get("/api/admin", realmRole).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin", clientRole).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = get("/api/admin", otherClient);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(challenge(denied)).contains(ROLE_MISSING);
    }

    @Test
    void permitAllNeedsAValidTokenButNoRole() throws Exception {
        HttpResponse<String> response = get("/api/admin/status", key.token("read", "user"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(get("/api/admin/status", null).statusCode()).isEqualTo(401);
        assertInvalidToken(get("/api/admin/status", key.token("read", "user", c -> c.setAudience("other-api"))));
    }

    @Test
    void denyAllAnswers403EvenToAnAdminAnd401WithoutToken() throws Exception {
        HttpResponse<String> response = get("/api/admin/retired", key.token("read", "admin"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .isEqualTo("Bearer realm=\"" + Servers.API_REALM + "\", "
                        + "error=\"insufficient_scope\", "
                        + "error_description=\"This resource is not accessible with any access token\"");
        assertThat(get("/api/admin/retired", null).statusCode()).isEqualTo(401);
    }

    @Test
    void claimsEndpointReadsClaimsThroughClaimAndJsonWebTokenInjection() throws Exception {
        String token =
                key.token("read write", "admin", c -> c.setClaim("realm_access", Map.of("roles", List.of("auditor"))));
        HttpResponse<String> response = get("/api/claims", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"subject\":\"alice\",\"issuer\":\"" + TestKey.ISSUER + "\","
                        + "\"audience\":[\"sample-api\"],\"scope\":\"read write\",\"realmAccess\":true,"
                        + "\"roles\":[\"admin\",\"auditor\"]}");
    }

    @Test
    void claimInjectionFollowsEachRequestsOwnToken() throws Exception {
        for (String subject : List.of("bob", "carol", "bob")) {
            HttpResponse<String> response = get("/api/claims", key.token(null, null, c -> c.setSubject(subject)));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo("{\"subject\":\"" + subject + "\",\"issuer\":\""
                            + TestKey.ISSUER + "\",\"audience\":[\"sample-api\"],\"scope\":\"\",\"realmAccess\":false,"
                            + "\"roles\":[]}");
        }
        assertThat(get("/api/claims", null).statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** @return the payload (claims JSON) of a compact token */
    private static String claimsOf(String token) {
        String payload = token.split("\\.")[1];
        return new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One GET over a plain socket, so that the header value reaches the server byte for byte. */
    String rawGet(String path, String authorization) throws Exception {
        URI uri = server.uri(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0 && response.size() < 65_536; n = in.read(buffer)) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String response) {
        int end = response.indexOf("\r\n");
        String line = end < 0 ? response : response.substring(0, end);
        return line.length() >= 12 ? line.substring(0, 12) : line;
    }
}
