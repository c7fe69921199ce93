package dev.oauthjwt.jaxrs.internal.ops.health;

import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@value #NAME}: UP when every configured issuer (every tenant) has usable keys (fresh, or stale within
 * {@code oauth.jwt.jwks.stale-if-error}), DOWN when one has none, with the data of {@link IssuerReadiness}.
 *
 * <p>A check of an issuer without usable keys starts one background fetch (at most one per
 * {@code min-refresh-interval}) and does not wait for it: an application that has had no request yet becomes ready
 * by itself, and a probe never blocks on the Authorization Server.
 */
@Readiness
@ApplicationScoped
public class OAuthJwtReadinessCheck implements HealthCheck {

    /** The name of the check in the health response. */
    public static final String NAME = "oauth-jwt";

    @Inject
    Instance<IssuerRouter> validator;

    private List<TokenValidator> fixed;
    private Clock clock = Clock.systemUTC();

    /** Created by CDI. */
    public OAuthJwtReadinessCheck() {}

    /** For tests: a check of one validator, with a clock. */
    OAuthJwtReadinessCheck(TokenValidator validator, Clock clock) {
        this(List.of(validator), clock);
    }

    /** For tests: a check of the validators of several tenants, with a clock. */
    OAuthJwtReadinessCheck(List<TokenValidator> validators, Clock clock) {
        this.fixed = List.copyOf(validators);
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        List<TokenValidator> validators =
                fixed != null ? fixed : validator.get().validators();
        Map<String, Object> data = new LinkedHashMap<>();
        boolean ready = true;
        for (int i = 0; i < validators.size(); i++) {
            TokenValidator v = validators.get(i);
            v.fetchKeysIfMissing();
            ready &= IssuerReadiness.describe(i + 1, v.config().issuer(), v.keysState(), clock.instant(), data);
        }
        return new HealthCheckResponse(
                NAME, ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
