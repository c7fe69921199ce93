package dev.oauthjwt.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip from Maven Central, unpacked by the build into a cache folder
 * outside {@code target/} so that its one-time Quarkus re-augmentation is reused) started as a child process in
 * development mode: {@code kc.sh start-dev} on 127.0.0.1 and a random free port, in-memory database, fixed hostname
 * (so the issuer does not follow the Host header), the realm {@value #REALM} imported from
 * {@code src/test/resources/keycloak/realm-oauth-jwt.json}. Ready when the realm's discovery document answers 200.
 * {@link #close()} kills the process tree ({@link ProcessTree}: PIDs listed in {@code target/it/keycloak.pid} while it
 * runs).
 */
final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());

    static final String REALM = "oauth-jwt";
    /** The second realm (a second tenant of the servers): a copy of {@link #REALM} under another name. */
    static final String PARTNER_REALM = "oauth-jwt-partner";
    /** The audience the realm's {@code read} scope puts into {@code aud}. */
    static final String AUDIENCE = "sample-api";

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.bootTimeoutSeconds", 480));

    private static final String REALM_RESOURCE = "/keycloak/realm-oauth-jwt.json";

    private final Path home = Path.of(System.getProperty("keycloak.home", "keycloak-home-not-set"));
    private final Path log = Path.of(System.getProperty("keycloak.log", "target/keycloak/keycloak.log"));
    /** While Keycloak runs, its PIDs are listed here for {@code .ci/run}'s trap (like the servers' PID files). */
    private final Path pidFile = Path.of(System.getProperty("it.dir", "target/it"), "keycloak.pid");

    private final String adminUser = "admin";
    private final String adminPassword = UUID.randomUUID().toString();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private ProcessTree process;
    private long startMillis;
    private boolean rebuilt;

    KeycloakServer() throws IOException {
        this.port = LocalFiles.freePort();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the issuer of the realm's tokens */
    String issuer() {
        return issuer(REALM);
    }

    /** @return the issuer of the tokens of {@code realm} */
    String issuer(String realm) {
        return baseUri() + "/realms/" + realm;
    }

    /** @return the realm's JWKS endpoint */
    String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    long startMillis() {
        return startMillis;
    }

    /** @return whether this start had to re-augment Keycloak first (cold start after unpacking) */
    boolean rebuilt() {
        return rebuilt;
    }

    /** Starts Keycloak and waits for the realm's discovery document. */
    KeycloakServer start() throws Exception {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("no Keycloak at " + home
                    + " (the it-tests build unpacks it; run `mvn verify`, or skip with -Dkeycloak.skip=true)");
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("missing test resource " + REALM_RESOURCE);
            }
            Files.copy(realm, importDir.resolve("realm-oauth-jwt.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(log.getParent());
        List<String> command = List.of(
                "/bin/bash",
                kcSh.toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + LocalFiles.freePort(),
                "--db=dev-mem",
                "--hostname=" + baseUri(),
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_OPTS"); // it would replace all of kc.sh's defaults
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", "-Xms128m -Xmx1g");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long start = System.nanoTime();
        process = ProcessTree.start(builder, pidFile);
        try {
            awaitReady();
            createPartnerRealm();
        } catch (Exception | AssertionError e) {
            String tail = LocalFiles.tail(log);
            close();
            throw new IllegalStateException(
                    "Keycloak did not start: " + e.getMessage() + "\n--- " + log + "\n" + tail, e);
        }
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        process.writePids();
        rebuilt = Files.readString(log).contains("Updating the configuration");
        LOG.fine(String.format(
                Locale.ROOT,
                "[it] keycloak started in %d ms (%s) on %s, log %s",
                startMillis,
                rebuilt ? "cold: re-augmented first" : "warm",
                baseUri(),
                log));
        return this;
    }

    private void awaitReady() throws Exception {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            process.checkAlive();
            process.writePids(); // kc.sh starts the JVM as its child: list it as soon as it exists
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(discovery)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Object issuer = JsonUtil.parseJson(response.body()).get("issuer");
                    if (!issuer().equals(issuer)) {
                        throw new IllegalStateException("unexpected issuer " + issuer);
                    }
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no discovery document at " + discovery + " within " + BOOT_TIMEOUT);
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    /**
     * Gets an access token with the client-credentials grant; the realm's clients have the secret
     * {@code <clientId>-secret}.
     *
     * @param clientId the client
     * @param scope the scope parameter, or {@code null} for the client's default scopes
     * @return the compact access token
     */
    String clientCredentialsToken(String clientId, String scope) throws Exception {
        return clientCredentialsToken(REALM, clientId, scope);
    }

    /** @return an access token of {@code realm} (see {@link #clientCredentialsToken(String, String)}) */
    String clientCredentialsToken(String realm, String clientId, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientId + "-secret");
        if (scope != null) {
            form.put("scope", scope);
        }
        return (String)
                postForm(issuer(realm) + "/protocol/openid-connect/token", form).get("access_token");
    }

    /** @return the realm's RFC 7662 introspection endpoint */
    /**
     * A client-credentials token request with a DPoP proof of {@code client} (RFC 9449 §5): Keycloak 26 (its DPoP
     * feature is on by default) binds the access token to the proof's key ({@code cnf.jkt}) and answers
     * {@code token_type} {@code DPoP}; nothing is set on the Keycloak client.
     *
     * @return the compact DPoP-bound access token
     */
    String dpopClientCredentialsToken(String clientId, DpopClient client) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientId + "-secret");
        Map<String, Object> answer = postForm(
                tokenEndpoint(), form, Map.of("DPoP", client.proof("POST", URI.create(tokenEndpoint()), null)));
        if (!"DPoP".equals(answer.get("token_type"))) {
            throw new IllegalStateException("Keycloak answered token_type " + answer.get("token_type")
                    + " to a token request with a DPoP proof");
        }
        return (String) answer.get("access_token");
    }

    String introspectionEndpoint() {
        return tokenEndpoint() + "/introspect";
    }

    /**
     * Revokes an access token at the realm's RFC 7009 endpoint, as the client it was issued to.
     *
     * @param clientId the client (secret {@code <clientId>-secret})
     * @param token the access token
     */
    void revoke(String clientId, String token) throws Exception {
        String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&token_type_hint=access_token"
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientId + "-secret", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/revoke"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, 200);
    }

    /** @return the realm's published JWKS, parsed */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> publishedKeys() throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(jwksUri())).build(), HttpResponse.BodyHandlers.ofString());
        check(response, 200);
        return (List<Map<String, Object>>) JsonUtil.parseJson(response.body()).get("keys");
    }

    // ---- admin REST API -----------------------------------------------------------------------------------------

    /**
     * Adds a key provider component to the realm (admin REST API, as the bootstrap admin).
     *
     * @param name the component's name
     * @param providerId e.g. {@code rsa-generated}, {@code rsa} (imported private key), {@code rsa-enc}
     * @param config the component's configuration (single values)
     */
    void addKeyProvider(String name, String providerId, Map<String, String> config) throws Exception {
        String admin = adminToken();
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", name);
        component.put("providerId", providerId);
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmId(admin));
        Map<String, Object> values = new LinkedHashMap<>();
        config.forEach((k, v) -> values.put(k, List.of(v)));
        component.put("config", values);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(adminUri("/components"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(component)))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, 201);
    }

    /** @return the realm's keys as the admin API lists them ({@code kid}, {@code algorithm}, {@code providerPriority}, …) */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> adminKeys() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(adminUri("/keys"))
                        .header("Authorization", "Bearer " + adminToken())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, 200);
        return (List<Map<String, Object>>) JsonUtil.parseJson(response.body()).get("keys");
    }

    /**
     * Creates realm {@value #PARTNER_REALM}, a copy of {@value #REALM} under another name, with the admin REST API:
     * not through the import directory, which the Keycloak installation shares with the builds of other worktrees.
     */
    private void createPartnerRealm() throws Exception {
        String json;
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            json = new String(realm.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> partner =
                new LinkedHashMap<>(JsonUtil.parseJson(json)); // jose4j's map refuses a second put
        partner.put("realm", PARTNER_REALM);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUri() + "/admin/realms"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(partner)))
                        .timeout(Duration.ofSeconds(120))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, 201);
    }

    private String adminToken() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", adminUser);
        form.put("password", adminPassword);
        return (String) postForm(baseUri() + "/realms/master/protocol/openid-connect/token", form)
                .get("access_token");
    }

    private String realmId(String admin) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(adminUri(""))
                        .header("Authorization", "Bearer " + admin)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response, 200);
        return (String) JsonUtil.parseJson(response.body()).get("id");
    }

    private URI adminUri(String path) {
        return URI.create(baseUri() + "/admin/realms/" + REALM + path);
    }

    private Map<String, Object> postForm(String uri, Map<String, String> form) throws Exception {
        return postForm(uri, form, Map.of());
    }

    private Map<String, Object> postForm(String uri, Map<String, String> form, Map<String, String> headers)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        check(response, 200);
        return JsonUtil.parseJson(response.body());
    }

    /** Fails with the status and Keycloak's error (token responses are never printed: they hold tokens). */
    private static void check(HttpResponse<String> response, int expected) throws JoseException {
        if (response.statusCode() != expected) {
            String detail = "";
            try {
                Map<String, Object> error = JsonUtil.parseJson(response.body());
                detail = " " + error.getOrDefault("error", "") + " " + error.getOrDefault("error_description", "")
                        + error.getOrDefault("errorMessage", "");
            } catch (JoseException | RuntimeException notJson) {
                // no detail
            }
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + detail);
        }
    }

    // ---- tokens, decoded (tests and reports; never logged whole) -----------------------------------------------

    /** @return the decoded JOSE header of a compact token */
    static Map<String, Object> header(String token) throws JoseException {
        return JsonUtil.parseJson(decode(token.split("\\.")[0]));
    }

    /** @return the decoded claims of a compact token */
    static Map<String, Object> claims(String token) throws JoseException {
        return JsonUtil.parseJson(decode(token.split("\\.")[1]));
    }

    /** @return the token with its header replaced (payload and signature kept) */
    static String withHeader(String token, Map<String, Object> header) {
        String[] parts = token.split("\\.");
        String encoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        return encoded + "." + parts[1] + "." + parts[2];
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** Kills the process tree. Idempotent. */
    @Override
    public void close() {
        if (process != null && process.kill()) {
            LOG.fine("[it] keycloak stopped");
        }
    }

    @Override
    public String toString() {
        return "keycloak";
    }
}
