package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.Failure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the answer to a rejected request: the status and exactly one {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750 §3) with {@code realm}, {@code error}, {@code error_description} and, for {@code insufficient_scope}, the
 * required {@code scope}, and, when {@code oauth.jwt.resource} is set, {@code resource_metadata} (RFC 9728 §5.1), each
 * at most once. Every value is either configuration checked at deployment or a fixed
 * text of {@link Failure}, so the header is always well formed. The body repeats the error as a small JSON object.
 */
final class BearerChallenge {

    private BearerChallenge() {
    }

    static Response response(Failure failure, Optional<String> realm, Set<String> requiredScopes,
            Optional<String> resourceMetadata, long retryAfter) {
        Response.ResponseBuilder response = Response.status(failure.status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body(failure))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (failure == Failure.KEYS_UNAVAILABLE) {
            return response.header(HttpHeaders.RETRY_AFTER, retryAfter).build();
        }
        return response.header(HttpHeaders.WWW_AUTHENTICATE,
                challenge(failure, realm, requiredScopes, resourceMetadata)).build();
    }

    /**
     * A small JSON body with the same fixed texts as the challenge. Without an entity some containers (Payara)
     * replace the answer with their own HTML error page.
     */
    static String body(Failure failure) {
        String error = failure.error() != null ? failure.error()
                : failure == Failure.KEYS_UNAVAILABLE ? "temporarily_unavailable" : "unauthorized";
        StringBuilder json = new StringBuilder("{\"error\":\"").append(error).append('"');
        if (failure.description() != null) {
            json.append(",\"error_description\":\"").append(failure.description()).append('"');
        }
        return json.append('}').toString();
    }

    static String challenge(Failure failure, Optional<String> realm, Set<String> requiredScopes,
            Optional<String> resourceMetadata) {
        StringBuilder header = new StringBuilder("Bearer");
        String separator = " ";
        if (realm.isPresent()) {
            header.append(separator).append("realm=\"").append(realm.get()).append('"');
            separator = ", ";
        }
        if (failure.error() != null) {
            header.append(separator).append("error=\"").append(failure.error()).append('"');
            header.append(", error_description=\"").append(failure.description()).append('"');
            if (failure.status() == 403 && !requiredScopes.isEmpty()) {
                header.append(", scope=\"").append(String.join(" ", requiredScopes)).append('"');
            }
            separator = ", ";
        }
        if (resourceMetadata.isPresent()) {
            header.append(separator).append("resource_metadata=\"").append(resourceMetadata.get()).append('"');
        }
        return header.toString();
    }
}
