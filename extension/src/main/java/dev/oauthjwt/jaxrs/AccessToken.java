package dev.oauthjwt.jaxrs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A verified JWT access token: the claims of a request that passed a {@link Secured} endpoint's checks.
 *
 * <p>In a resource, obtain it from {@code securityContext.getUserPrincipal()} (the principal implements this
 * interface). In a CDI bean, inject it: {@code @Inject AccessToken token} (request scoped). Calling a method of the
 * injected bean during a request that did not pass a {@link Secured} endpoint throws {@link IllegalStateException}.
 *
 * <p>Claim values keep their JSON types: {@link String}, {@link Long} (integers), {@link Double}, {@link Boolean},
 * unmodifiable {@link List} and {@link java.util.Map}. The raw token itself is deliberately not exposed.
 */
public interface AccessToken {

    /** @return the principal name, read from the configured principal claim ({@code sub} by default) */
    String getName();

    /** @return the {@code sub} claim, if present as a string */
    Optional<String> getSubject();

    /** @return the {@code iss} claim */
    String getIssuer();

    /** @return the {@code aud} claim as a list, whether the token carried a string or an array */
    List<String> getAudience();

    /** @return the {@code exp} claim as an instant */
    Instant getExpiresAt();

    /** @return the scopes granted by the {@code scope} claim (space separated) and the {@code scp} claim (array or space separated string) */
    Set<String> getScopes();

    /** @return the roles read from the configured roles claim ({@code groups} by default) */
    Set<String> getRoles();

    /** @return the names of all claims of the token */
    Set<String> getClaimNames();

    /**
     * @param name the claim name
     * @return the claim's value with its JSON type, or empty when the token does not carry it
     */
    Optional<Object> getClaim(String name);

    /**
     * @param name the claim name
     * @return the claim's value when it is a JSON string, otherwise empty
     */
    default Optional<String> getStringClaim(String name) {
        return getClaim(name).filter(String.class::isInstance).map(String.class::cast);
    }
}
