package dev.oauthjwt.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.json.JsonUtil;

/** The JWKS endpoint of an {@link AuthorizationServerStub}: {@code {"keys":[…]}} of the JWKs it is told to serve. */
public final class JwksEndpoint extends StubEndpoint {

    private final AtomicReference<List<Map<String, Object>>> keys;

    private JwksEndpoint(AuthorizationServerStub stub, String path, AtomicReference<List<Map<String, Object>>> keys) {
        super(
                stub,
                path,
                "application/json",
                () -> JsonUtil.toJson(Map.of("keys", keys.get())).getBytes(StandardCharsets.UTF_8));
        this.keys = keys;
    }

    static JwksEndpoint at(AuthorizationServerStub stub, String path) {
        return new JwksEndpoint(stub, path, new AtomicReference<>(List.of()));
    }

    /** Publishes exactly the public JWKs of these keys, and serves normally again. */
    public JwksEndpoint publish(TestKeys... published) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (TestKeys key : published) {
            jwks.add(key.publicJwk());
        }
        return publishJwks(jwks);
    }

    /** Publishes exactly these JWKs (as maps, to shape odd members), and serves normally again. */
    public JwksEndpoint publishJwks(List<Map<String, Object>> jwks) {
        keys.set(new ArrayList<>(jwks));
        serveNormally();
        return this;
    }

    /** Adds one more JWK to the published ones (a rotation: old and new side by side); the script stays. */
    public JwksEndpoint add(Map<String, Object> jwk) {
        keys.updateAndGet(old -> {
            List<Map<String, Object>> more = new ArrayList<>(old);
            more.add(jwk);
            return more;
        });
        return this;
    }
}
