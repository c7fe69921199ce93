package dev.oauthjwt.jaxrs;

import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified OAuth 2.0 JWT access token: the claims of a request that passed a {@link Secured} endpoint's checks.
 * This is the one type users read claims from. It is a MicroProfile JWT {@link JsonWebToken}, so code written for
 * MP-JWT reads it the same way ({@code getName}, {@code getClaim}, {@code getGroups}, {@code getAudience} …).
 *
 * <p>Obtain it from {@code securityContext.getUserPrincipal()} (cast the principal, never the injected
 * {@code SecurityContext}, which is a proxy), or inject it into a CDI bean with {@code @Inject AccessToken token}
 * (request scoped; calling it during a request that did not pass a {@link Secured} endpoint throws
 * {@link IllegalStateException}). MicroProfile JWT's {@code @Inject JsonWebToken} and {@code @Inject @Claim} work
 * too, without the server's MP-JWT support.
 *
 * <p>Claim values follow MicroProfile JWT: {@code exp}, {@code iat}, {@code nbf}, {@code auth_time} and
 * {@code updated_at} are {@link Long} seconds (a fraction is dropped); {@code aud} and {@code groups} are
 * {@code Set<String>}; other string and boolean claims are {@link String} and {@link Boolean}; other numbers, arrays
 * and objects are JSON-P {@code JsonNumber}, {@code JsonArray} and {@code JsonObject}.
 *
 * <p>{@link #getRawToken()} returns {@code null}: the extension never keeps the token text after verification, so no
 * object a resource can reach (or log, or serialise) holds a bearer credential. A resource that must forward the
 * caller's token reads the request's {@code Authorization} header itself.
 *
 * <p>Instances are immutable and thread-safe.
 */
public interface AccessToken extends JsonWebToken {

    /**
     * @return the scopes granted by the {@code scope} claim (space separated) and the {@code scp} claim (array or
     *     space separated string), unmodifiable
     */
    Set<String> getScopes();

    /**
     * The roles read from the configured roles claim paths ({@code oauth.jwt.roles-claim}, default {@code groups}),
     * as {@code @RolesAllowed} and {@code SecurityContext.isUserInRole} see them.
     *
     * @return the roles, unmodifiable
     */
    @Override
    Set<String> getGroups();

    /**
     * How the token is bound to the client that presented it, from its {@code cnf} claim: {@code DPoP} (bound to the
     * key of the request's DPoP proof, RFC 9449), {@code mTLS} (bound to the request's client certificate, RFC 8705),
     * or {@code Bearer} (not bound). A bound token reaches a resource only after its proof of possession held.
     *
     * @return {@code Bearer}, {@code DPoP} or {@code mTLS}
     */
    String getTokenType();

    /**
     * @return the base64url SHA-256 thumbprint the token is bound to: {@code cnf.jkt} (the RFC 7638 thumbprint of the
     *     DPoP key) or {@code cnf.x5t#S256} (of the client certificate); empty for a {@code Bearer} token
     */
    Optional<String> getConfirmationThumbprint();

    /**
     * @param name the claim name
     * @return the claim's value when it is a JSON string, otherwise empty
     */
    default Optional<String> getStringClaim(String name) {
        return claim(name).filter(String.class::isInstance).map(String.class::cast);
    }
}
