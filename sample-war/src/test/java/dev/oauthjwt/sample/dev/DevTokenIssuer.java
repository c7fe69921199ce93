package dev.oauthjwt.sample.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * DEVELOPMENT ONLY: a tiny local token issuer for the demo. It lives in the sample's test sources, so it is never
 * part of the extension jar nor of the WAR.
 *
 * <p>Binds 127.0.0.1 only and serves:
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration}: its metadata ({@code issuer}, {@code jwks_uri},
 *       {@code token_endpoint}), from which the sample discovers the JWKS URL;</li>
 *   <li>{@code GET /jwks}: the public key (RS256, generated in memory at start, gone when the process stops);</li>
 *   <li>{@code POST /token}: form parameters {@code scope}, {@code role}, {@code sub} (default {@code demo-user}),
 *       {@code aud} (default {@code sample-api}), {@code expires_in} (seconds, default 300, at most 3600). Answers
 *       {@code {"access_token":…,"token_type":"Bearer","expires_in":…}}, or the bare token with
 *       {@code Accept: text/plain}. There is no client authentication: anyone on this machine gets any token.</li>
 * </ul>
 */
public final class DevTokenIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final String issuer;

    private DevTokenIssuer(HttpServer server, RsaJsonWebKey key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    /**
     * @param port the port on 127.0.0.1, 0 for a free one
     * @return the running issuer, its issuer identifier being {@code http://localhost:<port>}
     */
    public static DevTokenIssuer start(int port) throws IOException, JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("dev-" + UUID.randomUUID());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DevTokenIssuer issuer = new DevTokenIssuer(server, key,
                "http://localhost:" + server.getAddress().getPort());
        server.createContext("/.well-known/openid-configuration", issuer::metadata);
        server.createContext("/jwks", issuer::jwks);
        server.createContext("/token", issuer::token);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-token-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
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
            send(exchange, 200, "application/json", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri()
                    + "\",\"token_endpoint\":\"" + tokenUri() + "\"}");
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            String body = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            send(exchange, 200, "application/jwk-set+json", body);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST form parameters: scope, role, sub, aud, expires_in\n");
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
            String token = mint(form, expiresIn);
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && accept.contains("text/plain")) {
                send(exchange, 200, "text/plain", token);
            } else {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("access_token", token);
                answer.put("token_type", "Bearer");
                answer.put("expires_in", expiresIn);
                send(exchange, 200, "application/json", JSONValue.toJSONString(answer));
            }
        } catch (JoseException e) {
            send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    private String mint(Map<String, String> form, long expiresIn) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(form.getOrDefault("sub", "demo-user"));
        claims.setAudience(form.getOrDefault("aud", "sample-api"));
        claims.setIssuedAtToNow();
        NumericDate exp = NumericDate.now();
        exp.addSeconds(expiresIn);
        claims.setExpirationTime(exp);
        claims.setGeneratedJwtId();
        if (form.containsKey("scope")) {
            claims.setClaim("scope", form.get("scope"));
        }
        if (form.containsKey("role")) {
            claims.setClaim("role", form.get("role"));
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        return jws.getCompactSerialization();
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
        if (!exchange.getResponseHeaders().containsKey("Cache-Control")) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
