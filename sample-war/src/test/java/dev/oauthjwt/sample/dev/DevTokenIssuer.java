package dev.oauthjwt.sample.dev;

import com.sun.net.httpserver.HttpExchange;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * DEVELOPMENT ONLY: a tiny local token issuer for the demo. It lives in the sample's test sources, so it is never
 * part of the extension jar nor of the WAR. It is the shared Authorization Server stub of the tests with a token
 * endpoint added, signing with a key of the shared key factory through the shared token factory.
 *
 * <p>Binds 127.0.0.1 only and serves:
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration}: its metadata ({@code issuer}, {@code jwks_uri},
 *       {@code token_endpoint}), from which the sample discovers the JWKS URL;</li>
 *   <li>{@code GET /jwks}: the public key (RS256, generated in memory at start, gone when the process stops);</li>
 *   <li>{@code POST /token}: form parameters {@code scope}, {@code role}, {@code sub} (default {@code demo-user}),
 *       {@code aud} (default {@code sample-api}), {@code expires_in} (seconds, default 300, at most 3600), and for
 *       Keycloak-shaped roles {@code realm_roles} (space separated, into {@code realm_access.roles}) and
 *       {@code client_roles} (space separated, into {@code resource_access.<aud>.roles}). Answers
 *       {@code {"access_token":…,"token_type":"Bearer","expires_in":…}}, or the bare token with
 *       {@code Accept: text/plain}. There is no client authentication: anyone on this machine gets any token.
 *       A DPoP proof in the {@code DPoP} header (RFC 9449 §5) binds the token to the proof's key ({@code cnf.jkt},
 *       {@code token_type} DPoP); so does {@code dpop=true}, to the demo client key below.</li>
 *   <li>{@code POST /dpop-proof}: form parameters {@code htm}, {@code htu}, {@code token}; a DPoP proof signed by a
 *       demo client key the issuer generated at start, so that the demo works with {@code curl} alone.</li>
 * </ul>
 */
public final class DevTokenIssuer implements AutoCloseable {

    private final AuthorizationServerStub server;
    private final TestKeys key;
    private final String issuer;
    private final DevDpopSupport dpop;

    private DevTokenIssuer(AuthorizationServerStub server, TestKeys key) throws JoseException {
        this.server = server;
        this.key = key;
        this.issuer = "http://localhost:" + server.port();
        this.dpop = new DevDpopSupport();
    }

    /**
     * @param port the port on 127.0.0.1, 0 for a free one
     * @return the running issuer, its issuer identifier being {@code http://localhost:<port>}
     */
    public static DevTokenIssuer start(int port) throws JoseException {
        AuthorizationServerStub server = AuthorizationServerStub.start(port);
        TestKeys key = TestKeys.rsa("dev-" + UUID.randomUUID());
        server.jwks()
                .publishJwks(List.of(key.signingJwk()))
                .contentType("application/jwk-set+json")
                .headers(Map.of("Cache-Control", "max-age=300"));
        DevTokenIssuer issuer = new DevTokenIssuer(server, key);
        server.route("/.well-known/openid-configuration", issuer::metadata);
        server.route("/token", issuer::token);
        server.route("/dpop-proof", issuer::dpopProof);
        return issuer;
    }

    /** @return the issuer identifier ({@code iss} of the tokens), {@code http://localhost:<port>} */
    public String issuer() {
        return issuer;
    }

    /** @return the JWKS URL */
    public String jwksUri() {
        return issuer + "/jwks";
    }

    /** @return the token endpoint URL */
    public String tokenUri() {
        return issuer + "/token";
    }

    private void metadata(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri() + "\",\"token_endpoint\":\""
                            + tokenUri() + "\"}");
        }
    }

    /** @return the URL that signs DPoP proofs with the demo client's key */
    public String dpopProofUri() {
        return issuer + "/dpop-proof";
    }

    /** POST form {@code htm}, {@code htu}, {@code token}: a proof by the demo client's key, as text. */
    private void dpopProof(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form =
                    "POST".equals(exchange.getRequestMethod()) ? parseForm(exchange.getRequestBody()) : Map.of();
            if (!form.containsKey("htm") || !form.containsKey("htu") || !form.containsKey("token")) {
                send(exchange, 400, "text/plain", "POST form parameters: htm, htu, token\n");
                return;
            }
            send(exchange, 200, "text/plain", dpop.demoProof(form.get("htm"), form.get("htu"), form.get("token")));
        } catch (JoseException e) {
            send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(
                        exchange,
                        405,
                        "text/plain",
                        "POST form parameters: scope, role, sub, aud, expires_in, realm_roles, client_roles\n");
                return;
            }
            Map<String, String> form = parseForm(exchange.getRequestBody());
            long expiresIn;
            try {
                expiresIn = Math.min(3600, Math.max(1, Long.parseLong(form.getOrDefault("expires_in", "300"))));
            } catch (NumberFormatException e) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
                return;
            }
            String jkt;
            String proof = exchange.getRequestHeaders().getFirst("DPoP");
            try {
                jkt = proof != null
                        ? dpop.thumbprintOfTokenRequestProof(proof)
                        : "true".equals(form.get("dpop")) ? dpop.demoClientThumbprint() : null;
            } catch (JoseException | RuntimeException invalidProof) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_dpop_proof\"}");
                return;
            }
            String token = mint(form, expiresIn, jkt);
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && accept.contains("text/plain")) {
                send(exchange, 200, "text/plain", token);
            } else {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("access_token", token);
                answer.put("token_type", jkt == null ? "Bearer" : "DPoP");
                answer.put("expires_in", expiresIn);
                send(exchange, 200, "application/json", JsonUtil.toJson(answer));
            }
        }
    }

    private String mint(Map<String, String> form, long expiresIn, String jkt) {
        long now = Instant.now().getEpochSecond();
        String audience = form.getOrDefault("aud", "sample-api");
        String realmRoles = form.get("realm_roles");
        String clientRoles = form.get("client_roles");
        return Tokens.valid(key)
                .claim("iss", issuer)
                .claim("sub", form.getOrDefault("sub", "demo-user"))
                .claim("aud", audience)
                .claim("iat", now)
                .claim("exp", now + expiresIn)
                .claim("jti", UUID.randomUUID().toString())
                .claim("scope", form.get("scope"))
                .claim("role", form.get("role"))
                .claim("groups", null)
                .claim("realm_access", realmRoles == null ? null : Map.of("roles", words(realmRoles)))
                .claim(
                        "resource_access",
                        clientRoles == null ? null : Map.of(audience, Map.of("roles", words(clientRoles))))
                .claim("cnf", jkt == null ? null : Map.of("jkt", jkt))
                .sign();
    }

    private static List<String> words(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split(" +"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static Map<String, String> parseForm(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(16 * 1024);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
