package dev.oauthjwt.jaxrs;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a valid OAuth 2.0 JWT access token (RFC 6750 {@code Authorization: Bearer}) on a resource class or method.
 *
 * <p>The token is verified against the keys of its issuer and the global rules configured under {@code oauth.jwt.*}
 * (with several issuers, those of the token's tenant, {@code oauth.jwt.tenant.<name>.*}). The rules of this annotation are added to the global ones: every scope of {@link #scopes()}
 * and at least one of {@link #anyScopes()} must be granted and every claim rule must hold, otherwise the request is
 * answered {@code 403 insufficient_scope}. A method-level annotation replaces the class-level one for that method.
 *
 * <p>{@code jakarta.annotation.security} {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on a secured
 * method or its class are enforced too, after the token is verified (method level over class level): a missing role
 * or {@code @DenyAll} is answered {@code 403 insufficient_scope}; {@code @PermitAll} still needs a valid token.
 *
 * <p>Rules are resolved once per resource method when the application is deployed; a malformed rule fails the
 * deployment.
 */
@NameBinding
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Secured {

    /**
     * Scopes the token must grant, all of them, each an exact, case-sensitive match against the space-separated
     * {@code scope} claim or the {@code scp} array. An element may hold several scopes separated by spaces.
     *
     * @return the required scopes; empty for none beyond the global ones
     */
    String[] scopes() default {};

    /**
     * Scopes of which the token must grant at least one, each an exact, case-sensitive match as for {@link #scopes()};
     * may be combined with {@link #scopes()}. An element may hold several scopes separated by spaces.
     *
     * @return the alternative scopes; empty for no such rule
     */
    String[] anyScopes() default {};

    /**
     * Claim rules of the form {@code name=value}: claim {@code name} must equal {@code value} (compared as a string,
     * number or boolean according to the claim's JSON type), or, for an array claim, contain it.
     *
     * @return the claim rules; empty for none beyond the global ones
     */
    String[] claims() default {};

    /**
     * Tenants (names listed in {@code oauth.jwt.tenants}) whose tokens this endpoint accepts; a valid token of another
     * tenant is answered {@code 401 invalid_token}. A name that is not configured matches no token (a warning at
     * deployment says so).
     *
     * @return the accepted tenants; empty for all of them
     */
    String[] tenants() default {};
}
