package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates and authorizes a request to one secured resource method: takes the Bearer token, has the
 * application's {@link TokenValidator} verify it, applies the method's {@link EndpointRules}, and on success replaces
 * the request's security context. Every failure aborts the request with {@link BearerChallenge}; no input leads to a
 * 500. Registered per method by {@link SecuredFeature}.
 */
final class BearerTokenFilter implements ContainerRequestFilter {

    private final EndpointRules endpointRules;
    private final Supplier<OAuthJwtRuntime> runtime;
    private volatile EndpointRules effectiveRules;
    private volatile Optional<String> resourceMetadata;

    BearerTokenFilter(EndpointRules endpointRules, Supplier<OAuthJwtRuntime> runtime) {
        this.endpointRules = endpointRules;
        this.runtime = runtime;
    }

    /** The resource_metadata URL: the application's base path is the same for every request, so it is built once. */
    private Optional<String> metadataUrl(OAuthJwtRuntime rt, ContainerRequestContext request) {
        Optional<String> url = resourceMetadata;
        if (url == null) {
            url = rt.validator().config().resourceMetadataUrl(request.getUriInfo().getBaseUri().getRawPath());
            resourceMetadata = url;
        }
        return url;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        OAuthJwtRuntime rt = runtime.get();
        EndpointRules rules = effectiveRules;
        if (rules == null) {
            rules = endpointRules.withGlobal(rt.validator().config());
            effectiveRules = rules;
        }
        try {
            String token = BearerTokenExtractor.extract(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                    request.getUriInfo().getQueryParameters().containsKey("access_token"));
            VerifiedToken principal = rt.validator().validate(token);
            rules.authorize(principal);
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new JwtSecurityContext(principal, secure));
            rt.publish(principal);
        } catch (TokenRejectedException rejected) {
            request.abortWith(BearerChallenge.response(rejected.failure(), rt.validator().config().realm(),
                    rules.scopes(), metadataUrl(rt, request), rt.validator().retryAfterSeconds()));
        }
    }
}
