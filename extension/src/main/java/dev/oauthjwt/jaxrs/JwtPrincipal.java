package dev.oauthjwt.jaxrs;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The principal of a request authenticated by a verified JWT access token. Immutable.
 *
 * <p>Returned by {@code SecurityContext.getUserPrincipal()} on {@link Secured} endpoints; cast it to this class or to
 * {@link AccessToken} to read the claims. (Casting the injected {@code SecurityContext} itself does not work: the
 * runtime injects a proxy.)
 */
public final class JwtPrincipal implements Principal, AccessToken {

    private final String name;
    private final Map<String, Object> claims;
    private final Set<String> scopes;
    private final Set<String> roles;

    /**
     * Creates a principal from claims that have already been verified.
     *
     * @param name the principal name
     * @param claims the verified claims, copied into unmodifiable collections
     * @param rolesClaim the name of the claim that lists the roles
     */
    public JwtPrincipal(String name, Map<String, Object> claims, String rolesClaim) {
        this.name = Objects.requireNonNull(name, "name");
        this.claims = deepCopy(claims);
        this.scopes = readScopes(this.claims);
        this.roles = stringsOf(this.claims.get(rolesClaim));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Optional<String> getSubject() {
        return getStringClaim("sub");
    }

    @Override
    public String getIssuer() {
        return getStringClaim("iss").orElse("");
    }

    @Override
    public List<String> getAudience() {
        return List.copyOf(stringsOf(claims.get("aud")));
    }

    @Override
    public Instant getExpiresAt() {
        Object exp = claims.get("exp");
        return exp instanceof Long seconds ? Instant.ofEpochSecond(seconds) : Instant.EPOCH;
    }

    @Override
    public Set<String> getScopes() {
        return scopes;
    }

    @Override
    public Set<String> getRoles() {
        return roles;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    public Optional<Object> getClaim(String claimName) {
        return Optional.ofNullable(claims.get(claimName));
    }

    /** @return all claims, unmodifiable */
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public String toString() {
        return "JwtPrincipal[" + name + "]";
    }

    private static Set<String> readScopes(Map<String, Object> claims) {
        Set<String> result = new LinkedHashSet<>();
        if (claims.get("scope") instanceof String) {
            result.addAll(stringsOf(claims.get("scope")));
        }
        result.addAll(stringsOf(claims.get("scp")));
        return Collections.unmodifiableSet(result);
    }

    /** A string is split on spaces; an array contributes its string elements; anything else contributes nothing. */
    private static Set<String> stringsOf(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof String s) {
            for (String part : s.split(" ")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        } else if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(result::add);
        }
        return Collections.unmodifiableSet(result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
