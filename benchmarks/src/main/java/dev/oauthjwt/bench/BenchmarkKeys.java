package dev.oauthjwt.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Keys generated at start (RSA 2048, EC P-256), tokens signed with them, and a JWKS served on 127.0.0.1 from a random
 * port: the same fixture for every benchmark. Nothing is persisted.
 */
public final class BenchmarkKeys implements AutoCloseable {

    public static final String ISSUER = "https://as.example.test";
    public static final String AUDIENCE = "api";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public final KeyPair rsa;
    public final KeyPair ec;
    public final String rsaToken;
    public final String ecToken;
    private final HttpServer server;

    public BenchmarkKeys() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
        rsaToken = sign("RS256", "rsa-1", rsa.getPrivate(), "SHA256withRSA");
        ecToken = sign("ES256", "ec-1", ec.getPrivate(), "SHA256withECDSAinP1363Format");

        RsaJsonWebKey rsaJwk = new RsaJsonWebKey((RSAPublicKey) rsa.getPublic());
        rsaJwk.setKeyId("rsa-1");
        EllipticCurveJsonWebKey ecJwk = new EllipticCurveJsonWebKey((ECPublicKey) ec.getPublic());
        ecJwk.setKeyId("ec-1");
        byte[] jwks = ("{\"keys\":[" + rsaJwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + ","
                + ecJwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A typical access token: about 20 minutes to live, issuer, audience, subject, scopes, groups. */
    private static String sign(String alg, String kid, PrivateKey key, String jca) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 1200) + ",\"jti\":\"3f1c2a9e-7b1d-4c55-9a0e-5d2b8f6a1c11\","
                + "\"client_id\":\"sample-client\",\"scope\":\"read write\",\"groups\":[\"users\"]}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance(jca);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
