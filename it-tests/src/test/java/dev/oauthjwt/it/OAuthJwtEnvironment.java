package dev.oauthjwt.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code oauth.jwt.*} configuration of a server under test, passed as the environment variables MicroProfile
 * Config maps them to ({@code OAUTH_JWT_JWKS_URI}, …). An unknown kid triggers at most one JWKS fetch per
 * {@code min-refresh-interval}, which is 1 s here so that key-rotation tests stay short.
 *
 * @param jwksUri {@code oauth.jwt.jwks-uri}, or {@code null} for discovery or local keys
 * @param issuer {@code oauth.jwt.issuer}
 * @param audience {@code oauth.jwt.audience}
 * @param realm {@code oauth.jwt.realm}
 * @param jwksTimeoutSeconds {@code oauth.jwt.jwks.timeout}
 * @param extra further variables, in the order given
 */
record OAuthJwtEnvironment(
        String jwksUri,
        String issuer,
        String audience,
        String realm,
        int jwksTimeoutSeconds,
        Map<String, String> extra) {

    OAuthJwtEnvironment(String jwksUri, String issuer, String audience, String realm, int jwksTimeoutSeconds) {
        this(jwksUri, issuer, audience, realm, jwksTimeoutSeconds, Map.of());
    }

    /** @return this environment with one more variable */
    OAuthJwtEnvironment with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(name, value);
        return new OAuthJwtEnvironment(jwksUri, issuer, audience, realm, jwksTimeoutSeconds, Map.copyOf(more));
    }

    /** @return the environment variables */
    Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        if (jwksUri != null) {
            env.put("OAUTH_JWT_JWKS_URI", jwksUri);
        }
        env.put("OAUTH_JWT_ISSUER", issuer);
        env.put("OAUTH_JWT_AUDIENCE", audience);
        env.put("OAUTH_JWT_REALM", realm);
        env.put("OAUTH_JWT_JWKS_TIMEOUT", Integer.toString(jwksTimeoutSeconds));
        env.put("OAUTH_JWT_JWKS_MIN_REFRESH_INTERVAL", "1");
        env.putAll(extra);
        return env;
    }
}
