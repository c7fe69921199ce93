package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jwe.JweDecryptor;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's validators, one per trusted issuer (tenant), each with its own keys, token cache and rules: a
 * token is verified only by the validator of the tenant whose issuer is exactly its {@code iss}, read from the
 * strictly parsed, not yet verified payload (of the signed token inside, for an encrypted one). A token of an unknown
 * issuer is refused before any key is looked up, so it never causes a network request; the keys of one tenant never
 * verify the token of another, and a token cached by one tenant's validator is never looked up by another's. With
 * one issuer (no {@code oauth.jwt.tenants}) the token goes straight to its validator, which checks {@code iss} itself.
 */
public final class IssuerRouter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IssuerRouter.class.getName());

    /**
     * The tenant a token belongs to and what verifies it.
     *
     * @param tenant the tenant's configuration and name
     * @param validator its validator
     * @param token the token its validator verifies: the one received, or the signed token inside an encrypted one
     */
    public record Selection(Tenant tenant, TokenValidator validator, String token) {}

    private final Tenants tenants;
    private final List<TokenValidator> validators;
    private final Map<String, Integer> byIssuer = new HashMap<>();
    private final JweDecryptor decryptor;
    private final Telemetry telemetry;

    /**
     * @param tenants the validated tenants
     * @param validators a validator per tenant, in the same order
     * @param decryptor with several tenants, opens encrypted tokens before their issuer is read (the tenants'
     *     validators then get the signed token inside); empty when none are accepted, or with one issuer (its
     *     validator decrypts)
     * @param telemetry where the validators report
     */
    public IssuerRouter(
            Tenants tenants, List<TokenValidator> validators, Optional<JweDecryptor> decryptor, Telemetry telemetry) {
        if (validators.size() != tenants.all().size()) {
            throw new IllegalArgumentException("one validator per tenant");
        }
        this.tenants = tenants;
        this.validators = List.copyOf(validators);
        this.decryptor = decryptor.orElse(null);
        this.telemetry = telemetry;
        for (int i = 0; i < validators.size(); i++) {
            byIssuer.put(tenants.all().get(i).config().issuer(), i);
        }
    }

    /** @return the tenants */
    public Tenants tenants() {
        return tenants;
    }

    /** @return the validators, in the order of the tenants */
    public List<TokenValidator> validators() {
        return validators;
    }

    /** @return the telemetry the validators report to */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * @param token the compact token from the {@code Authorization} header
     * @return its tenant and validator; the token is not verified yet
     * @throws TokenRejectedException {@link Failure#WRONG_ISSUER} when no tenant has its {@code iss}, or the failure
     *     of a token that cannot be read
     */
    public Selection select(String token) throws TokenRejectedException {
        if (!tenants.named()) {
            return new Selection(tenants.all().get(0), validators.get(0), token);
        }
        try {
            return route(token);
        } catch (TokenRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError unexpected) {
            // only the type is logged: messages of the libraries underneath may quote the token
            LOG.log(
                    Level.FINE,
                    "Reading the issuer of a token failed unexpectedly with {0}; the request is answered 401",
                    unexpected.getClass().getName());
            throw new TokenRejectedException(Failure.INVALID_TOKEN);
        }
    }

    private Selection route(String token) throws TokenRejectedException {
        if (token == null) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        if (token.length() > TokenValidator.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Failure.TOKEN_TOO_LARGE);
        }
        String signed = decryptor != null && JweDecryptor.isJwe(token) ? decryptor.decrypt(token) : token;
        Object iss = CompactJws.parse(signed).claims().get("iss");
        if (iss != null && !(iss instanceof String)) {
            throw new TokenRejectedException(Failure.INVALID_CLAIM);
        }
        Integer index = iss == null ? null : byIssuer.get(iss);
        if (index == null) {
            throw new TokenRejectedException(iss == null ? Failure.MISSING_CLAIM : Failure.WRONG_ISSUER);
        }
        return new Selection(tenants.all().get(index), validators.get(index), signed);
    }

    /**
     * @param failure a 503 answer
     * @param tenant the tenant of the refused token, or {@code null} when it was refused before one was selected
     * @return seconds a client should wait before retrying
     */
    public long retryAfterSeconds(Failure failure, Tenant tenant) {
        int index = tenant == null ? 0 : tenants.all().indexOf(tenant);
        return validators.get(Math.max(0, index)).retryAfterSeconds(failure);
    }

    @Override
    public void close() {
        validators.forEach(TokenValidator::close);
    }
}
