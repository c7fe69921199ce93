package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates and authorizes a request to one secured resource method: takes the Bearer token, has the
 * application's {@link IssuerRouter} verify it, applies the method's {@link EndpointRules} with the global rules of the
 * token's tenant, and on success replaces
 * the request's security context. Every failure aborts the request with {@link BearerChallenge}; no input leads to a
 * 500. Registered per method by {@link SecuredFeature}.
 */
final class BearerTokenFilter implements ContainerRequestFilter {

    private final EndpointRules endpointRules;
    private final Supplier<OAuthJwtRuntime> runtime;
    private final Map<String, EndpointRules> rulesByTenant = new ConcurrentHashMap<>();
    private volatile Optional<String> resourceMetadata;

    BearerTokenFilter(EndpointRules endpointRules, Supplier<OAuthJwtRuntime> runtime) {
        this.endpointRules = endpointRules;
        this.runtime = runtime;
    }

    /** The resource_metadata URL: the application's base path is the same for every request, so it is built once. */
    private Optional<String> metadataUrl(OAuthJwtRuntime rt, ContainerRequestContext request) {
        Optional<String> url = resourceMetadata;
        if (url == null) {
            url = rt.validators().tenants().resourceMetadataUrl(request.getUriInfo().getBaseUri().getRawPath());
            resourceMetadata = url;
        }
        return url;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        OAuthJwtRuntime rt = runtime.get();
        IssuerRouter validators = rt.validators();
        EndpointRules rules = rulesOf(validators.tenants().all().get(0));
        try {
            String token = BearerTokenExtractor.extract(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                    request.getUriInfo().getQueryParameters().containsKey("access_token"));
            IssuerRouter.Routed routed = validators.validate(token);
            rules = rulesOf(routed.tenant());
            VerifiedToken principal = routed.token();
            rules.authorize(principal, routed.tenant().name());
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new JwtSecurityContext(principal, secure));
            rt.publish(principal);
        } catch (TokenRejectedException rejected) {
            request.abortWith(BearerChallenge.response(rejected.failure(), validators.tenants().realm(),
                    rules.scopes(), metadataUrl(rt, request), validators.retryAfterSeconds()));
        }
    }

    /** The endpoint's rules with the global ones of the tenant, resolved once per tenant. */
    private EndpointRules rulesOf(Tenant tenant) {
        return rulesByTenant.computeIfAbsent(tenant.name(), name -> endpointRules.withGlobal(tenant.config()));
    }
}
