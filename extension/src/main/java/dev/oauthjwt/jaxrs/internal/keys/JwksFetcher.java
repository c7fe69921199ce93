package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads the JWKS document (and, for discovery, the issuer's metadata) with the JDK {@link HttpClient}: one GET,
 * no redirects followed, no content coding accepted, the body capped at {@link #MAX_BODY_BYTES}, and the whole
 * exchange (connect, headers, body) bounded by one total deadline. A stalled, trickling, huge or redirecting server
 * costs at most the deadline.
 */
public final class JwksFetcher implements JwksSource {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String JWKS_TYPES = "application/jwk-set+json, application/json";
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,12})");

    /** A downloaded JWKS document and its cache lifetime from {@code Cache-Control}, if the server gave one. */
    record Document(byte[] body, OptionalLong maxAgeSeconds) {}

    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;

    public JwksFetcher(URI uri, Duration timeout, Executor executor) {
        this.uri = uri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * @param timeout the total deadline of one download
     * @param executor the threads of the HTTP client
     * @return a fetcher for documents whose URL is only known later ({@link #fetch(URI, String)})
     */
    static JwksFetcher withoutUri(Duration timeout, Executor executor) {
        return new JwksFetcher(null, timeout, executor);
    }

    /** @return the JWKS document of the configured URL */
    @Override
    public CompletableFuture<Document> fetch() {
        return fetch(uri, JWKS_TYPES);
    }

    /**
     * @param target the document's URL
     * @param accept the {@code Accept} header
     * @return the document; completes exceptionally on any failure, at the latest when the deadline passes
     */
    CompletableFuture<Document> fetch(URI target, String accept) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .GET()
                .timeout(timeout)
                .header("Accept", accept)
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, this::cappedBody);
        CompletableFuture<Document> result =
                exchange.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(JwksFetcher::toDocument);
        result.whenComplete((document, failure) -> {
            if (failure != null) {
                exchange.cancel(true); // releases the connection of a stalled exchange
            }
        });
        return result;
    }

    private HttpResponse.BodySubscriber<byte[]> cappedBody(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return CappedBody.refusing();
        }
        String encoding =
                info.headers().firstValue("Content-Encoding").orElse("identity").trim();
        if (!encoding.equalsIgnoreCase("identity")) {
            return CappedBody.refusing();
        }
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > MAX_BODY_BYTES) {
            return CappedBody.refusing();
        }
        return CappedBody.upTo(MAX_BODY_BYTES, () -> new FetchFailedException(FetchResult.BAD_DOCUMENT, 200));
    }

    private static Document toDocument(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new FetchFailedException(FetchResult.HTTP_STATUS, response.statusCode());
        }
        if (response.body() == null) {
            throw new FetchFailedException(FetchResult.BAD_DOCUMENT, 200); // content-coded or declared over the cap
        }
        String cacheControl = String.join(",", response.headers().allValues("Cache-Control"))
                .toLowerCase(java.util.Locale.ROOT); // directives are case-insensitive (RFC 9111 §5.2)
        OptionalLong maxAge = OptionalLong.empty();
        if (cacheControl.contains("no-store") || cacheControl.contains("no-cache")) {
            maxAge = OptionalLong.of(0);
        } else {
            Matcher m = MAX_AGE.matcher(cacheControl);
            if (m.find()) {
                maxAge = OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        return new Document(response.body(), maxAge);
    }
}
