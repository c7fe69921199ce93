package dev.oauthjwt.jaxrs.internal.keys;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JWKS of an issuer whose JWKS URL comes from its metadata. Each fetch (the {@link JwksKeyCache} decides when:
 * lazily, with cooldown and single flight) reads the metadata first, from the OpenID Connect location and then the
 * RFC 8414 one, and then the JWKS it names; metadata and JWKS together keep to the one total deadline. When the
 * metadata cannot be read, the last accepted JWKS URL is used while it is within the refresh interval plus
 * {@code stale-if-error} (the same rule as the keys).
 */
final class DiscoveredJwks implements JwksSource {

    private static final Logger LOG = Logger.getLogger(DiscoveredJwks.class.getName());

    private final String issuer;
    private final List<URI> locations;
    private final JwksFetcher http;
    private final Clock clock;
    private final Duration keepLastGood;
    private final Duration timeout;
    private volatile URI lastJwksUri;
    private volatile Instant lastJwksUriAt;

    /**
     * @param issuer the configured issuer, an https URL (http on loopback) without query or fragment
     * @param http the downloader (deadline and size cap of one document)
     * @param clock the clock
     * @param keepLastGood how long an accepted JWKS URL outlives failing metadata fetches
     * @param timeout the total deadline of metadata and JWKS together
     */
    DiscoveredJwks(String issuer, JwksFetcher http, Clock clock, Duration keepLastGood, Duration timeout) {
        this.issuer = issuer;
        this.locations = AuthorizationServerMetadata.locations(URI.create(issuer));
        this.http = http;
        this.clock = clock;
        this.keepLastGood = keepLastGood;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<JwksFetcher.Document> fetch() {
        return jwksUri()
                .thenCompose(uri -> http.fetch(uri, JwksFetcher.JWKS_TYPES))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<URI> jwksUri() {
        return fromMetadata(0).handle((uri, failure) -> {
            if (failure == null) {
                lastJwksUri = uri;
                lastJwksUriAt = clock.instant();
                return uri;
            }
            URI last = lastJwksUri;
            if (last != null && clock.instant().isBefore(lastJwksUriAt.plus(keepLastGood))) {
                LOG.log(
                        Level.WARNING,
                        "Reading the issuer metadata failed ({0}); the last JWKS URL stays in use",
                        reason(failure));
                return last;
            }
            LOG.log(Level.WARNING, "Reading the issuer metadata failed ({0})", reason(failure));
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    /** Tries the location {@code index}, then the next ones. */
    private CompletableFuture<URI> fromMetadata(int index) {
        CompletableFuture<URI> attempt = http.fetch(locations.get(index), "application/json")
                .thenApply(document -> AuthorizationServerMetadata.jwksUri(document.body(), issuer));
        if (index + 1 == locations.size()) {
            return attempt;
        }
        return attempt.handle((uri, failure) ->
                        failure == null ? CompletableFuture.completedFuture(uri) : fromMetadata(index + 1))
                .thenCompose(next -> next);
    }

    /** A fixed description: the type, or the text of a refusal of this package (which never quotes a document). */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof IllegalArgumentException
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
