package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.AccessToken;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link AccessToken} of a request: the verified claims as parsed by the strict JSON parser (immutable maps,
 * lists, strings, booleans, {@link Long} and {@link BigDecimal} numbers), with the scopes and roles read once.
 */
public final class VerifiedToken implements AccessToken {

    private static final Set<String> NUMERIC_DATES = Set.of("exp", "iat", "nbf", "auth_time", "updated_at");

    private final String name;
    private final Map<String, Object> claims;
    private final Set<String> scopes;
    private final Set<String> roles;
    private final Confirmation confirmation;

    /**
     * @param name the principal name
     * @param claims the verified claims, as the strict JSON parser returned them (already immutable)
     * @param roles the roles read from the configured roles claim
     */
    public VerifiedToken(String name, Map<String, Object> claims, Set<String> roles) {
        this.name = Objects.requireNonNull(name, "name");
        this.claims = claims;
        this.scopes = readScopes(claims);
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        this.confirmation = Confirmation.ofVerified(claims);
    }

    /** @return the key or certificate the token is bound to */
    public Confirmation confirmation() {
        return confirmation;
    }

    @Override
    public String getTokenType() {
        return confirmation.type().tokenType();
    }

    @Override
    public Optional<String> getConfirmationThumbprint() {
        return Optional.ofNullable(confirmation.thumbprint());
    }

    /** @return the claims with their parsed JSON values, for the extension's own rules */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getRawToken() {
        return null;
    }

    @Override
    public Set<String> getScopes() {
        return scopes;
    }

    @Override
    public Set<String> getGroups() {
        return roles;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    public boolean containsClaim(String claimName) {
        return claims.containsKey(claimName);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Object value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        if (NUMERIC_DATES.contains(claimName) && value instanceof Number number) {
            return (T) Long.valueOf(number.longValue());
        }
        if ("aud".equals(claimName) || "groups".equals(claimName)) {
            return (T) stringsOf(value);
        }
        return (T) (value instanceof String || value instanceof Boolean ? value : JsonValues.of(value));
    }

    @Override
    public String toString() {
        return "AccessToken[" + name + "]";
    }

    private static Set<String> readScopes(Map<String, Object> claims) {
        Set<String> result = new LinkedHashSet<>();
        if (claims.get("scope") instanceof String) {
            result.addAll(stringsOf(claims.get("scope")));
        }
        result.addAll(stringsOf(claims.get("scp")));
        return Collections.unmodifiableSet(result);
    }

    /**
     * @param value a claim value
     * @return a string split on spaces, or the string elements of an array; nothing for any other value
     */
    public static Set<String> stringsOf(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof String s) {
            for (String part : s.split(" ")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        } else if (value instanceof List<?> list) {
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(result::add);
        }
        return Collections.unmodifiableSet(result);
    }
}
