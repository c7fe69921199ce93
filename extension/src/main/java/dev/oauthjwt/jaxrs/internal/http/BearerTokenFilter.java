package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenIds;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.dpop.RequestFacts;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.token.Confirmation;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Authenticates and authorizes a request to one secured resource method: takes the token ({@code Bearer}, or
 * {@code DPoP} with its proof), has the application's {@link IssuerRouter} select the token's tenant (with several
 * issuers) and that tenant's validator verify it, has the tenant's {@link SenderConstraints} check its binding to the
 * client, applies the method's {@link EndpointRules} (with the global rules of the tenant), and on success replaces
 * the request's security context. Every failure aborts the request with {@link BearerChallenge}; no input leads to a
 * 500. Every outcome is counted (telemetry) and written to the audit log. Registered per method by
 * {@link SecuredFeature}.
 */
final class BearerTokenFilter implements ContainerRequestFilter {

    /** The key of what applies before a tenant is selected; never a tenant's name. */
    private static final String BEFORE_SELECTION = "";

    private final EndpointRules endpointRules;
    private final String endpoint;
    private final Supplier<OAuthJwtRuntime> runtime;
    private final Map<String, EndpointRules> rulesByTenant = new ConcurrentHashMap<>();
    private final Map<String, BearerChallenge.Schemes> schemesByTenant = new ConcurrentHashMap<>();

    /**
     * @param endpointRules the rules of the method's annotation
     * @param endpoint the resource method, {@code class#method}, as the audit log names it
     * @param runtime the application's shared objects
     */
    BearerTokenFilter(EndpointRules endpointRules, String endpoint, Supplier<OAuthJwtRuntime> runtime) {
        this.endpointRules = endpointRules;
        this.endpoint = endpoint;
        this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        OAuthJwtRuntime rt = runtime.get();
        IssuerRouter validators = rt.validators();
        Tenant tenant = null;
        SenderConstraints binding = rt.senderConstraints().beforeSelection();
        boolean dpopScheme = false;
        VerifiedToken principal = null;
        try {
            BearerTokenExtractor.Credential credential = BearerTokenExtractor.extract(
                    request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                    request.getUriInfo().getQueryParameters().containsKey("access_token"),
                    rt.senderConstraints().acceptsDpop());
            dpopScheme = credential.dpop();
            IssuerRouter.Selection selection = validators.select(credential.token());
            tenant = selection.tenant();
            binding = rt.senderConstraints().of(tenant);
            if (dpopScheme && binding.dpopMode() == DpopMode.DISABLED) {
                dpopScheme = false; // this tenant does not accept the scheme: another scheme's credential, as with one
                throw new TokenRejectedException(Failure.NO_CREDENTIALS);
            }
            // before any key is looked up: a token of a tenant this endpoint refuses costs no fetch
            endpointRules.admitTenant(tenant.name());
            binding.checkProofHeaders(dpopScheme, request.getHeaders().get(SenderConstraints.DPOP_HEADER));
            principal = selection.validator().validate(selection.token());
            Object certificates =
                    principal.confirmation().type() == Confirmation.Type.MTLS ? rt.certificates(request) : null;
            binding.enforce(
                    dpopScheme,
                    credential.token(),
                    principal.confirmation(),
                    new RequestFacts(
                            request.getMethod(),
                            request.getUriInfo().getRequestUri(),
                            request.getHeaders()::get,
                            certificates));
            rulesOf(tenant, validators).authorize(principal);
            boolean secure = request.getSecurityContext() != null
                    && request.getSecurityContext().isSecure();
            request.setSecurityContext(new JwtSecurityContext(principal, secure, dpopScheme ? "DPoP" : "Bearer"));
            rt.publish(principal);
            validators.telemetry().accepted();
            if (rt.audit().logsAccepted()) {
                rt.audit().accepted(endpoint, rt.client(), TokenIds.of(null, principal.claims()));
            }
        } catch (TokenRejectedException rejected) {
            validators.telemetry().refused(rejected.failure());
            // a token refused after validation (binding, endpoint rules) was verified: its claims are known, not its
            // kid
            rt.audit()
                    .refused(
                            rejected.failure(),
                            endpoint,
                            rt.client(),
                            principal != null ? TokenIds.of(null, principal.claims()) : rejected.signed());
            request.abortWith(BearerChallenge.response(
                    rejected.failure(),
                    dpopScheme,
                    schemesOf(tenant, binding, validators, request),
                    rulesOf(tenant, validators).challengeScopes(),
                    validators.retryAfterSeconds(rejected.failure(), tenant),
                    binding.freshNonce()));
        }
    }

    /** The endpoint's rules with the global ones of the tenant (the first before one is selected), once per tenant. */
    private EndpointRules rulesOf(Tenant tenant, IssuerRouter validators) {
        Tenant source = tenant != null ? tenant : validators.tenants().all().get(0);
        return rulesByTenant.computeIfAbsent(source.name(), name -> endpointRules.withGlobal(source.config()));
    }

    /**
     * What the challenge offers: the tenant's DPoP rules, or the top-level ones before a tenant is selected. The
     * application's base path is the same for every request: the metadata URL is built once.
     */
    private BearerChallenge.Schemes schemesOf(
            Tenant tenant, SenderConstraints binding, IssuerRouter validators, ContainerRequestContext request) {
        return schemesByTenant.computeIfAbsent(
                tenant == null ? BEFORE_SELECTION : tenant.name(),
                name -> new BearerChallenge.Schemes(
                        validators.tenants().realm(),
                        binding.dpopMode(),
                        binding.algorithmNames(),
                        validators
                                .tenants()
                                .resourceMetadataUrl(
                                        request.getUriInfo().getBaseUri().getRawPath())));
    }
}
