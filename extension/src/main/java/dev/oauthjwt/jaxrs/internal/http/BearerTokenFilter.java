package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.TokenIds;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.dpop.RequestFacts;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.token.Confirmation;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.Supplier;

/**
 * Authenticates and authorizes a request to one secured resource method: takes the token ({@code Bearer}, or
 * {@code DPoP} with its proof), has the application's {@link TokenValidator} verify it, has {@link SenderConstraints}
 * check its binding to the client, applies the method's {@link EndpointRules}, and on success replaces the request's
 * security context. Every failure aborts the request with {@link BearerChallenge}; no input leads to a 500. Every
 * outcome is counted (telemetry) and written to the audit log. Registered per method by {@link SecuredFeature}.
 */
final class BearerTokenFilter implements ContainerRequestFilter {

    private final EndpointRules endpointRules;
    private final String endpoint;
    private final Supplier<OAuthJwtRuntime> runtime;
    private volatile EndpointRules effectiveRules;
    private volatile BearerChallenge.Schemes schemes;

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
        EndpointRules rules = effectiveRules;
        if (rules == null) {
            rules = endpointRules.withGlobal(rt.validator().config());
            effectiveRules = rules;
            // the application's base path is the same for every request: the metadata URL is built once
            schemes = new BearerChallenge.Schemes(
                    rt.validator().config().realm(),
                    rt.senderConstraints().dpopMode(),
                    rt.senderConstraints().algorithmNames(),
                    rt.validator()
                            .config()
                            .resourceMetadataUrl(
                                    request.getUriInfo().getBaseUri().getRawPath()));
        }
        SenderConstraints binding = rt.senderConstraints();
        boolean dpopScheme = false;
        VerifiedToken principal = null;
        try {
            BearerTokenExtractor.Credential credential = BearerTokenExtractor.extract(
                    request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                    request.getUriInfo().getQueryParameters().containsKey("access_token"),
                    binding.dpopMode() != DpopMode.DISABLED);
            dpopScheme = credential.dpop();
            binding.checkProofHeaders(dpopScheme, request.getHeaders().get(SenderConstraints.DPOP_HEADER));
            principal = rt.validator().validate(credential.token());
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
            rules.authorize(principal);
            boolean secure = request.getSecurityContext() != null
                    && request.getSecurityContext().isSecure();
            request.setSecurityContext(new JwtSecurityContext(principal, secure, dpopScheme ? "DPoP" : "Bearer"));
            rt.publish(principal);
            rt.validator().telemetry().accepted();
            if (rt.audit().logsAccepted()) {
                rt.audit().accepted(endpoint, rt.client(), TokenIds.of(null, principal.claims()));
            }
        } catch (TokenRejectedException rejected) {
            rt.validator().telemetry().refused(rejected.failure());
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
                    schemes,
                    rules.challengeScopes(),
                    rt.validator().retryAfterSeconds(rejected.failure()),
                    binding.freshNonce()));
        }
    }
}
