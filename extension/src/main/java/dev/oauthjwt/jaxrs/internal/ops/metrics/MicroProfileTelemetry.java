package dev.oauthjwt.jaxrs.internal.ops.metrics;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@link Telemetry} on the application's MicroProfile Metrics registry, exported by the server's own {@code /metrics}
 * endpoint. Every counter is registered once, up front, for every value of its closed label vocabulary, so that the
 * request path only increments a counter taken from an array, and a dashboard sees zeros before the first event:
 *
 * <ul>
 *   <li>{@value #REQUESTS}, label {@code outcome}: {@code accepted} or a {@link Failure} name in lower case;</li>
 *   <li>{@value #FETCHES}, labels {@code document} ({@code jwks}) and {@code result}: a {@link FetchResult};</li>
 *   <li>{@value #TOKEN_CACHE}, label {@code result}: {@code hit} or {@code miss};</li>
 *   <li>{@value #VALIDATION}: a timer of every token validation, accepted or refused.</li>
 * </ul>
 */
public final class MicroProfileTelemetry implements Telemetry {

    static final String REQUESTS = "oauth.jwt.requests";
    static final String FETCHES = "oauth.jwt.fetches";
    static final String TOKEN_CACHE = "oauth.jwt.token.cache";
    static final String VALIDATION = "oauth.jwt.validation";

    private final Counter accepted;
    private final Counter[] refused = new Counter[Failure.values().length];
    private final Counter[] fetches = new Counter[FetchResult.values().length];
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Timer validation;

    /** @param registry the application's metric registry */
    public MicroProfileTelemetry(MetricRegistry registry) {
        Metadata requests = metadata(REQUESTS, "Requests to secured endpoints by outcome");
        accepted = registry.counter(requests, new Tag("outcome", "accepted"));
        for (Failure failure : Failure.values()) {
            refused[failure.ordinal()] =
                    registry.counter(requests, new Tag("outcome", failure.name().toLowerCase(Locale.ROOT)));
        }
        Metadata fetched = metadata(FETCHES, "Fetches of Authorization Server documents by result");
        for (FetchResult result : FetchResult.values()) {
            fetches[result.ordinal()] =
                    registry.counter(fetched, new Tag("document", "jwks"), new Tag("result", result.label()));
        }
        Metadata cache = metadata(TOKEN_CACHE, "Lookups in the validated-token cache by result");
        cacheHits = registry.counter(cache, new Tag("result", "hit"));
        cacheMisses = registry.counter(cache, new Tag("result", "miss"));
        // with a unit, Payara Micro names the timer *_seconds like Open Liberty does (without one: no suffix)
        validation = registry.timer(Metadata.builder()
                .withName(VALIDATION)
                .withDescription("Time to validate one access token")
                .withUnit(MetricUnits.NANOSECONDS)
                .build());
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    @Override
    public void accepted() {
        accepted.inc();
    }

    @Override
    public void refused(Failure failure) {
        refused[failure.ordinal()].inc();
    }

    @Override
    public void jwksFetched(FetchResult result) {
        fetches[result.ordinal()].inc();
    }

    @Override
    public void tokenCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).inc();
    }

    @Override
    public void validated(long nanos) {
        validation.update(Duration.ofNanos(nanos));
    }
}
