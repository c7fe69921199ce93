package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's validators, one per trusted issuer (tenant), each with its own keys: a token is verified only by
 * the validator of the tenant whose issuer is exactly its {@code iss}, read from the strictly parsed, not yet verified
 * payload. A token of an unknown issuer is refused before any key is looked up, so it never causes a network
 * request; the keys of one tenant never verify the token of another. With one issuer (no {@code oauth.jwt.tenants})
 * the token goes straight to its validator, which checks {@code iss} itself.
 */
public final class IssuerRouter implements AutoCloseable {

    /**
     * A verified token and the tenant it belongs to.
     *
     * @param tenant the tenant's configuration and name
     * @param token the verified token
     */
    public record Routed(Tenant tenant, VerifiedToken token) {
    }

    private final Tenants tenants;
    private final Map<String, TokenValidator> byIssuer = new HashMap<>();
    private final Map<String, Tenant> tenantOfIssuer = new HashMap<>();
    private final Map<Tenant, TokenValidator> validators = new LinkedHashMap<>();

    /**
     * @param tenants the validated tenants
     * @param validators a validator per tenant, in the same order
     */
    public IssuerRouter(Tenants tenants, List<TokenValidator> validators) {
        this.tenants = tenants;
        for (int i = 0; i < validators.size(); i++) {
            Tenant tenant = tenants.all().get(i);
            this.validators.put(tenant, validators.get(i));
            byIssuer.put(tenant.config().issuer(), validators.get(i));
            tenantOfIssuer.put(tenant.config().issuer(), tenant);
        }
    }

    /** @return the tenants */
    public Tenants tenants() {
        return tenants;
    }

    /**
     * @param token the compact token from the {@code Authorization} header
     * @return the verified token and its tenant
     * @throws TokenRejectedException with the failure to answer
     */
    public Routed validate(String token) throws TokenRejectedException {
        if (!tenants.named()) {
            Tenant single = tenants.all().get(0);
            return new Routed(single, validators.get(single).validate(token));
        }
        if (token == null) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        if (token.length() > TokenValidator.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Failure.TOKEN_TOO_LARGE);
        }
        Map<String, Object> claims = CompactJws.parse(token).claims();
        Object iss = claims.get("iss");
        if (iss != null && !(iss instanceof String)) {
            throw new TokenRejectedException(Failure.INVALID_CLAIM);
        }
        TokenValidator validator = iss == null ? null : byIssuer.get(iss);
        if (validator == null) {
            throw new TokenRejectedException(Failure.WRONG_ISSUER);
        }
        return new Routed(tenantOfIssuer.get(iss), validator.validate(token));
    }

    /** @return seconds a client should wait after {@link Failure#KEYS_UNAVAILABLE}: the longest of any tenant */
    public long retryAfterSeconds() {
        return validators.values().stream().mapToLong(TokenValidator::retryAfterSeconds).max().orElse(1);
    }

    @Override
    public void close() {
        validators.values().forEach(TokenValidator::close);
    }
}
