package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the answer to a rejected request: the status and the challenges of the accepted schemes, one
 * {@code WWW-Authenticate} field each. {@code Bearer} (RFC 6750 §3) carries {@code realm}, {@code error},
 * {@code error_description} and, for {@code insufficient_scope}, the required {@code scope}, each at most once;
 * {@code DPoP} (RFC 9449 §7.1) the same plus {@code algs}. A 401 carries the challenge of every accepted scheme, the
 * error on the one of the scheme the request used (on {@code DPoP} for proof failures, or when it is the only one);
 * a 400 or 403 carries only the challenge with the error; a 503 none, but {@code Retry-After}. Every value is either
 * configuration checked at deployment or a fixed text of {@link Failure}, so the headers are always well formed. When
 * {@code oauth.jwt.resource} is set, every challenge ends with {@code resource_metadata} (RFC 9728 §5.1). The body
 * repeats the error as a small JSON object.
 */
final class BearerChallenge {

    /** Seconds a client waits after {@link Failure#REPLAY_CACHE_UNAVAILABLE}. */
    static final long REPLAY_CACHE_RETRY_AFTER = 5;

    /**
     * The schemes a deployment accepts.
     *
     * @param realm the realm, if configured
     * @param dpop whether DPoP is disabled, allowed or required
     * @param dpopAlgorithms the proof algorithms, space separated
     * @param resourceMetadata the URL of the RFC 9728 metadata, if a resource is configured
     */
    record Schemes(Optional<String> realm, DpopMode dpop, String dpopAlgorithms, Optional<String> resourceMetadata) {

        /** Bearer only, as without DPoP. */
        static Schemes bearerOnly(Optional<String> realm) {
            return new Schemes(realm, DpopMode.DISABLED, "", Optional.empty());
        }
    }

    private BearerChallenge() {}

    static Response response(Failure failure, Optional<String> realm, Set<String> requiredScopes, long retryAfter) {
        return response(failure, false, Schemes.bearerOnly(realm), requiredScopes, retryAfter, null);
    }

    /**
     * @param failure the answer
     * @param dpopScheme whether the request used the {@code DPoP} scheme
     * @param schemes what the deployment accepts
     * @param requiredScopes the scopes of the endpoint, for {@code insufficient_scope}
     * @param retryAfter seconds for {@code Retry-After} after {@link Failure#KEYS_UNAVAILABLE}
     * @param nonce a fresh {@code DPoP-Nonce} for {@link Failure#DPOP_NONCE_REQUIRED}, else ignored
     */
    static Response response(
            Failure failure,
            boolean dpopScheme,
            Schemes schemes,
            Set<String> requiredScopes,
            long retryAfter,
            String nonce) {
        Response.ResponseBuilder response = Response.status(failure.status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body(failure))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (failure.status() == 503) {
            long seconds = failure == Failure.REPLAY_CACHE_UNAVAILABLE ? REPLAY_CACHE_RETRY_AFTER : retryAfter;
            return response.header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        boolean bearerAccepted = schemes.dpop() != DpopMode.REQUIRED;
        boolean dpopAccepted = schemes.dpop() != DpopMode.DISABLED;
        boolean errorOnDpop = dpopAccepted && (failure.isProofFailure() || dpopScheme || !bearerAccepted);
        boolean both = failure.status() == 401;
        if (bearerAccepted && (both || !errorOnDpop)) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    challenge(
                            "Bearer",
                            null,
                            errorOnDpop ? null : failure,
                            schemes.realm(),
                            requiredScopes,
                            schemes.resourceMetadata()));
        }
        if (dpopAccepted && (both || errorOnDpop)) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    challenge(
                            "DPoP",
                            schemes.dpopAlgorithms(),
                            errorOnDpop ? failure : null,
                            schemes.realm(),
                            requiredScopes,
                            schemes.resourceMetadata()));
        }
        if (failure == Failure.DPOP_NONCE_REQUIRED && nonce != null) {
            response.header("DPoP-Nonce", nonce);
        }
        return response.build();
    }

    /**
     * A small JSON body with the same fixed texts as the challenge. Without an entity some containers (Payara)
     * replace the answer with their own HTML error page.
     */
    static String body(Failure failure) {
        String error = failure.error() != null
                ? failure.error()
                : failure.status() == 503 ? "temporarily_unavailable" : "unauthorized";
        StringBuilder json = new StringBuilder("{\"error\":\"").append(error).append('"');
        if (failure.description() != null) {
            json.append(",\"error_description\":\"")
                    .append(failure.description())
                    .append('"');
        }
        return json.append('}').toString();
    }

    static String challenge(Failure failure, Optional<String> realm, Set<String> requiredScopes) {
        return challenge("Bearer", null, failure, realm, requiredScopes, Optional.empty());
    }

    /** @param failure the error to carry, or {@code null} for a bare challenge */
    private static String challenge(
            String scheme,
            String algs,
            Failure failure,
            Optional<String> realm,
            Set<String> requiredScopes,
            Optional<String> resourceMetadata) {
        StringBuilder header = new StringBuilder(scheme);
        String separator = " ";
        if (realm.isPresent()) {
            header.append(separator).append("realm=\"").append(realm.get()).append('"');
            separator = ", ";
        }
        if (algs != null) {
            header.append(separator).append("algs=\"").append(algs).append('"');
            separator = ", ";
        }
        if (failure != null && failure.error() != null) {
            header.append(separator).append("error=\"").append(failure.error()).append('"');
            header.append(", error_description=\"")
                    .append(failure.description())
                    .append('"');
            if (failure.status() == 403 && !requiredScopes.isEmpty()) {
                header.append(", scope=\"")
                        .append(String.join(" ", requiredScopes))
                        .append('"');
            }
            separator = ", ";
        }
        if (resourceMetadata.isPresent()) {
            header.append(separator)
                    .append("resource_metadata=\"")
                    .append(resourceMetadata.get())
                    .append('"');
        }
        return header.toString();
    }
}
