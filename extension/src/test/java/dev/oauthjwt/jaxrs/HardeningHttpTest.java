package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.api.HardeningApi;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.TokenMutator;
import dev.oauthjwt.testsupport.Tokens;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The filter over real HTTP for the catalogue cases the lead's {@code SecuredEndpointTest} leaves open: #15 (token in
 * a form body, a documented policy), response hygiene #115–#119 (challenge syntax, no echo, never 500, no error oracle, nothing in the
 * logs), and the HTTP share of the fuzzing (#117).
 */
class HardeningHttpTest extends SecuredApiTestBase {

    private static final Logger LOG = Logger.getLogger(HardeningHttpTest.class.getName());

    private static final String FORM = "application/x-www-form-urlencoded";
    /** RFC 6750 §3: auth-param values of error, error_description, scope and realm use only these characters. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z_]+)=\"([\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*)\"");

    private final java.net.http.HttpClient http11 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();

    @Override
    protected Application configure() {
        return ((ResourceConfig) super.configure()).register(HardeningApi.class);
    }

    private String valid() {
        return Tokens.valid(key).sign();
    }

    /**
     * POSTs with an HTTP/1.1-only client: the JDK client's default h2c upgrade attempt ({@code Upgrade: h2c}) on a
     * request with a body leaves Grizzly waiting for a body it never hands to the application.
     */
    private HttpResponse<String> post(String path, String contentType, String body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(java.time.Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .build();
        try {
            return http11.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Catalogue #15, decided as POLICY (see the security policy table): the body is never read, so a second token in a
     * form body is neither detected nor used; the request is judged on the header token alone.
     */
    @Nested
    class FormBodyToken {

        @Test
        void A15_tokenInAFormBodyIsNeverUsed_theHeaderTokenAloneDecides() {
            String token = valid();
            HttpResponse<String> both =
                    post("/hardening/form", FORM, "x=abc&y=last&access_token=" + token, "Bearer " + token);
            assertThat(both.statusCode()).isEqualTo(200);
            assertThat(both.body()).isEqualTo("x=3 y=last");
            // a valid token in the body never rescues an invalid header token
            assertThat(post("/hardening/form", FORM, "access_token=" + token, "Bearer " + token + "x")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(post("/hardening/form", FORM, "access_token=" + token, "Basic dXNlcjpwYXNz")
                            .statusCode())
                    .isEqualTo(401);
        }

        @Test
        void A15_formAndOtherBodiesReachTheResourceIntact() {
            String token = valid();
            HttpResponse<String> large =
                    post("/hardening/form", FORM, "x=" + "a".repeat(200_000) + "&y=end", "Bearer " + token);
            assertThat(large.statusCode()).isEqualTo(200);
            assertThat(large.body()).isEqualTo("x=200000 y=end");
            for (String type : List.of("text/plain", "application/json", "application/octet-stream")) {
                String body = "access_token=" + token + "&" + "z".repeat(100_000);
                HttpResponse<String> response = post("/hardening/text", type, body, "Bearer " + token);
                assertThat(response.statusCode()).as(type).isEqualTo(200);
                assertThat(response.body()).isEqualTo("length=" + body.length() + " tail=zzzzzzzz");
            }
        }
    }

    @Nested
    class ResponseHygiene {

        private List<HttpResponse<String>> badRequests() {
            long now = Instant.now().getEpochSecond();
            String token = valid();
            String marker = "EVIL\"\\\u2028<x>MARK";
            List<HttpResponse<String>> responses = new ArrayList<>();
            responses.add(get("/api/data"));
            responses.add(get("/api/data", "Authorization", "Basic dXNlcjpwYXNz"));
            responses.add(get("/api/data", "Authorization", "Bearer"));
            responses.add(get("/api/data", "Authorization", "Bearer " + token + " x"));
            responses.add(get("/api/data", "Authorization", "Bearer " + token, "Authorization", "Bearer " + token));
            responses.add(get("/api/data?access_token=" + token, "Authorization", "Bearer " + token));
            responses.add(getWithToken("/api/data", "abc"));
            responses.add(getWithToken("/api/data", token + "=="));
            responses.add(getWithToken(
                    "/api/data",
                    Tokens.valid(key)
                            .claim("exp", now - 3600)
                            .claim("iat", now - 7200)
                            .sign()));
            responses.add(getWithToken(
                    "/api/data", Tokens.valid(key).claim("iss", marker).sign()));
            responses.add(getWithToken(
                    "/api/data",
                    Tokens.valid(key).claim("sub", marker).claim("aud", marker).sign()));
            responses.add(getWithToken(
                    "/api/data", Tokens.valid(key).header("kid", marker).sign()));
            responses.add(getWithToken(
                    "/api/data", Tokens.valid(key).header("typ", marker).sign()));
            responses.add(getWithToken(
                    "/api/data",
                    Tokens.signRaw(
                            "{\"alg\":\"RS256\",\"kid\":\"" + "\\\"".repeat(1_000) + "\"}",
                            Tokens.valid(key).claimsJson(),
                            key)));
            responses.add(getWithToken(
                    "/api/data",
                    Tokens.b64("{\"alg\":\"none\"}") + "."
                            + Tokens.b64(Tokens.valid(key).claim("sub", "admin").claimsJson()) + "."));
            responses.add(getWithToken(
                    "/api/scopes", Tokens.valid(key).claim("scope", "read").sign()));
            responses.add(getWithToken(
                    "/api/claim", Tokens.valid(key).claim("role", "user").sign()));
            return responses;
        }

        @Test
        void F115_everyChallengeIsOneWellFormedBearerChallengeWithUniqueAttributes() {
            for (HttpResponse<String> response : badRequests()) {
                assertThat(response.statusCode()).isIn(400, 401, 403);
                assertWellFormedChallenge(response);
            }
        }

        @Test
        void F116_attackerTextIsNeverEchoed() {
            for (HttpResponse<String> response : badRequests()) {
                String everything = response.headers().map() + response.body();
                assertThat(everything).doesNotContain("EVIL", "MARK", "alice", "<x>", "eyJ");
            }
        }

        @Test
        void F117_malformedInputsNeverGet500OrStackTraces() {
            for (HttpResponse<String> response : badRequests()) {
                assertThat(response.statusCode()).isLessThan(500);
                assertThat(response.body()).doesNotContain("Exception", "at dev.", "at org.", "jose4j", "smallrye");
            }
        }

        @Test
        void F118_unknownKidBadSignatureAndDisallowedAlgorithm_answerIdentically() {
            TestKeys attacker = TestKeys.rsa("k1");
            List<HttpResponse<String>> responses = List.of(
                    getWithToken(
                            "/api/data",
                            Tokens.valid(key).header("kid", "unknown-kid").sign()),
                    getWithToken("/api/data", Tokens.valid(key).signWith(attacker)),
                    getWithToken(
                            "/api/data",
                            Tokens.rawWithSignatureOf(
                                    valid(),
                                    "{\"alg\":\"none\",\"kid\":\"k1\"}",
                                    Tokens.valid(key).claimsJson())),
                    getWithToken(
                            "/api/data",
                            Tokens.rawWithSignatureOf(
                                    valid(),
                                    "{\"alg\":\"HS256\",\"kid\":\"k1\"}",
                                    Tokens.valid(key).claimsJson())));
            Set<String> answers = new HashSet<>();
            for (HttpResponse<String> response : responses) {
                answers.add(response.statusCode() + " " + response.headers().allValues("WWW-Authenticate") + " "
                        + response.body());
            }
            assertThat(answers).hasSize(1);
            HttpResponse<String> expired = getWithToken(
                    "/api/data",
                    Tokens.valid(key)
                            .claim("iat", Instant.now().getEpochSecond() - 7200)
                            .claim("exp", Instant.now().getEpochSecond() - 3600)
                            .sign());
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"");
        }

        @Test
        void F119_tokensAndAuthorizationValuesNeverReachTheLogs() {
            List<LogRecord> records = new ArrayList<>();
            Handler capture = new Handler() {
                @Override
                public synchronized void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            capture.setLevel(Level.ALL);
            Logger root = Logger.getLogger("");
            List<Logger> verbose = List.of(
                    Logger.getLogger("dev.oauthjwt"),
                    Logger.getLogger("io.smallrye.jwt"),
                    Logger.getLogger("org.jose4j"));
            List<Level> previous = new ArrayList<>();
            for (Logger logger : verbose) {
                previous.add(logger.getLevel());
                logger.setLevel(Level.ALL);
            }
            root.addHandler(capture);
            List<String> secrets = new ArrayList<>();
            try {
                TokenMutator mutator = new TokenMutator(119);
                long now = Instant.now().getEpochSecond();
                List<String> tokens = new ArrayList<>(List.of(
                        valid(),
                        Tokens.valid(key)
                                .claim("exp", now - 3600)
                                .claim("iat", now - 7200)
                                .sign(),
                        Tokens.valid(key)
                                .header("kid", "${jndi:ldap://127.0.0.1:1/x}\r\nX: y")
                                .sign(),
                        Tokens.valid(key).claim("iss", "\r\n${env:HOME}").sign(),
                        Tokens.valid(key).signWith(TestKeys.rsa("k1")),
                        Tokens.valid(key).header("kid", "nope").sign()));
                for (int i = 0; i < 60; i++) {
                    tokens.add(mutator.mutate(tokens.get(i % 6)));
                }
                for (String token : tokens) {
                    String[] parts = token.split("\\.");
                    for (String part : parts) {
                        if (part.length() >= 16) {
                            secrets.add(part.substring(0, 16));
                        }
                    }
                    try {
                        getWithToken("/api/data", token);
                        get("/api/data?access_token=" + token.replace("\r", "").replace("\n", ""));
                        get("/api/scopes", "Authorization", "Bearer " + token, "Authorization", "Bearer x");
                    } catch (IllegalArgumentException refusedByTheClient) {
                        // a header value the HTTP client cannot send
                    }
                }
            } finally {
                root.removeHandler(capture);
                for (int i = 0; i < verbose.size(); i++) {
                    verbose.get(i).setLevel(previous.get(i));
                }
            }
            java.util.logging.SimpleFormatter formatter = new java.util.logging.SimpleFormatter();
            List<LogRecord> copy;
            synchronized (capture) {
                copy = new ArrayList<>(records);
            }
            for (LogRecord record : copy) {
                String text = formatter.format(record);
                for (String secret : secrets) {
                    assertThat(text)
                            .as("log record of %s", record.getLoggerName())
                            .doesNotContain(secret);
                }
            }
            LOG.fine(String.format(
                    Locale.ROOT,
                    "[hardening] F119 log records inspected: %d, token fragments checked: %d",
                    copy.size(),
                    secrets.size()));
        }
    }

    /**
     * One well-formed challenge per accepted scheme: a 401 carries {@code Bearer} and {@code DPoP} (DPoP is allowed by
     * default), a 400 or 403 only the one with the error; every attribute at most once; at most one error in all.
     */
    static void assertWellFormedChallenge(HttpResponse<String> response) {
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        List<String> schemes = new ArrayList<>();
        int errors = 0;
        for (String challenge : challenges) {
            String scheme = challenge.startsWith("Bearer") ? "Bearer" : challenge.startsWith("DPoP") ? "DPoP" : "?";
            schemes.add(scheme);
            Set<String> names = attributes(challenge, scheme);
            assertThat(names)
                    .isSubsetOf(
                            scheme.equals("DPoP")
                                    ? Set.of("realm", "algs", "error", "error_description", "scope")
                                    : Set.of("realm", "error", "error_description", "scope"));
            if (names.contains("error")) {
                errors++;
            }
            if (response.statusCode() == 403) {
                // scope lists the required scopes; a claim-rule failure on an endpoint without scopes has none to list
                assertThat(challenge).contains("error=\"insufficient_scope\"");
            }
        }
        assertThat(schemes)
                .as("challenges of %s", challenges)
                .containsExactlyInAnyOrderElementsOf(
                        response.statusCode() == 401
                                ? List.of("Bearer", "DPoP")
                                : List.of(schemes.isEmpty() ? "-" : "Bearer"));
        assertThat(errors).as("errors in %s", challenges).isLessThanOrEqualTo(1);
    }

    private static Set<String> attributes(String challenge, String scheme) {
        String params = challenge.substring(scheme.length());
        Set<String> names = new HashSet<>();
        if (!params.isEmpty()) {
            assertThat(params).startsWith(" ");
            String rest = params.substring(1);
            Matcher m = ATTRIBUTE.matcher(rest);
            int at = 0;
            while (at < rest.length()) {
                assertThat(m.find(at) && m.start() == at)
                        .as("well-formed attribute at %d of %s", at, challenge)
                        .isTrue();
                assertThat(names.add(m.group(1)))
                        .as("attribute %s at most once", m.group(1))
                        .isTrue();
                at = m.end();
                if (at < rest.length()) {
                    assertThat(rest.startsWith(", ", at))
                            .as("separator in %s", challenge)
                            .isTrue();
                    at += 2;
                }
            }
        }
        return names;
    }

    @Nested
    class HttpFuzz {

        /** The HTTP share of the fuzzing: random and mutated Authorization values, never a 500, never a 200. */
        @Test
        void F117_fuzzedAuthorizationHeadersOverHttp_neverGet500() {
            TokenMutator mutator = new TokenMutator(117);
            String token = valid();
            int sent = 0;
            long maxNanos = 0;
            for (int i = 0; i < 1_000; i++) {
                String value = i % 2 == 0 ? "Bearer " + mutator.mutate(token) : mutator.randomAuthorization(token);
                HttpResponse<String> response;
                long start = System.nanoTime();
                try {
                    response = get("/api/data", "Authorization", value);
                } catch (IllegalArgumentException refusedByTheClient) {
                    continue; // CR, LF or other bytes the JDK client will not put in a header
                }
                maxNanos = Math.max(maxNanos, System.nanoTime() - start);
                sent++;
                int status = response.statusCode();
                assertThat(status).as("input #%d", i).isLessThan(500);
                if (status == 200) {
                    assertThat(value.trim().replaceFirst("(?i)^bearer +", ""))
                            .as("only the unmodified token")
                            .isEqualTo(token);
                } else if (status != 400
                        || response.headers().firstValue("WWW-Authenticate").isPresent()) {
                    assertWellFormedChallenge(response);
                }
            }
            LOG.fine(String.format(
                    Locale.ROOT, "[hardening] HTTP fuzz: %d requests sent, max answer %.1f ms", sent, maxNanos / 1e6));
            assertThat(sent).isGreaterThan(700);
        }
    }
}
