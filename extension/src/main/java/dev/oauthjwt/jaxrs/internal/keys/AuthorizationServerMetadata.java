package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.config.SecureUrls;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The issuer's metadata as far as the extension uses it: where its two well-known documents are (OpenID Connect
 * Discovery 1.0 §4 and RFC 8414 §3), and the {@code jwks_uri} of a document whose {@code issuer} is exactly the
 * configured one (RFC 8414 §3.3). Nothing else of the document is used: it never widens the allowed algorithms.
 */
final class AuthorizationServerMetadata {

    static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
    static final String OAUTH_AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";

    private AuthorizationServerMetadata() {}

    /**
     * @param issuer the configured issuer, an https URL (http on loopback) without query or fragment
     * @return the OpenID Connect location first, then RFC 8414's (well-known segment before the issuer's path)
     */
    static List<URI> locations(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return List.of(
                URI.create(origin + trimmed + OPENID_CONFIGURATION),
                URI.create(origin + OAUTH_AUTHORIZATION_SERVER + trimmed));
    }

    /**
     * @param document the metadata document
     * @param issuer the configured issuer
     * @return the JWKS URL the document names
     * @throws IllegalArgumentException when the document is not strict JSON, names another issuer, or has no
     *     acceptable {@code jwks_uri}
     */
    static URI jwksUri(byte[] document, String issuer) {
        Map<String, Object> metadata;
        try {
            metadata = StrictJson.parseObject(document);
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalArgumentException("metadata is not a strict JSON object");
        }
        if (!issuer.equals(metadata.get("issuer"))) {
            throw new IllegalArgumentException("metadata names another issuer");
        }
        if (!(metadata.get("jwks_uri") instanceof String jwksUri)) {
            throw new IllegalArgumentException("metadata has no jwks_uri");
        }
        SecureUrls.Result checked = SecureUrls.check(jwksUri);
        return checked.uri().orElseThrow(() -> new IllegalArgumentException("metadata jwks_uri refused"));
    }
}
