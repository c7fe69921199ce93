package dev.oauthjwt.jaxrs.undeployable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Beans with {@code @Claim} injection points that break MicroProfile JWT's deployment rules (and one that keeps
 * them). This package is excluded from bean discovery (test {@code beans.xml}); {@code DeploymentValidationTest}
 * deploys each on purpose.
 */
public final class ClaimBeans {

    private ClaimBeans() {}

    @ApplicationScoped
    public static class RawClaimInApplicationScope {
        @Inject
        @Claim("sub")
        String sub;
    }

    @RequestScoped
    public static class ClaimNamingTwoClaims {
        @Inject
        @Claim(value = "sub", standard = Claims.iss)
        String sub;
    }

    @RequestScoped
    public static class ClaimNamingNothing {
        @Inject
        @Claim
        String nothing;
    }

    @ApplicationScoped
    public static class LazyClaimsInApplicationScope {
        @Inject
        @Claim("sub")
        ClaimValue<String> sub;

        @Inject
        @Claim(standard = Claims.sub)
        Instance<String> subInstance;
    }
}
