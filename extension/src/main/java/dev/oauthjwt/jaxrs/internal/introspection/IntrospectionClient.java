package dev.oauthjwt.jaxrs.internal.introspection;

import dev.oauthjwt.jaxrs.internal.keys.CappedBody;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One RFC 7662 call: {@code POST token=…&token_type_hint=access_token} with {@code client_secret_basic} (id and secret
 * form-encoded first, RFC 6749 §2.3.1), no redirects, no content coding, the answer capped at {@link #MAX_BODY_BYTES}
 * and the whole exchange bounded by one deadline. The token travels only in the request body, never in a URL or a log.
 */
final class IntrospectionClient {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final IntrospectionConfig config;
    private final HttpClient client;
    private final String authorization;

    IntrospectionClient(IntrospectionConfig config, Executor executor) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        String credentials = form(config.clientId()) + ":" + form(config.clientSecret());
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the answer's body; completes exceptionally on any failure, at the latest at the deadline */
    CompletableFuture<byte[]> introspect(String token) {
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + form(token) + "&token_type_hint=access_token"))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, IntrospectionClient::body);
        CompletableFuture<byte[]> result = exchange.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(response -> {
                    if (response.statusCode() != 200 || response.body() == null) {
                        throw new IllegalStateException("introspection answered " + response.statusCode());
                    }
                    return response.body();
                });
        result.whenComplete((body, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private static HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        boolean acceptable = info.statusCode() == 200
                && info.headers()
                        .firstValue("Content-Encoding")
                        .orElse("identity")
                        .trim()
                        .equalsIgnoreCase("identity")
                && info.headers().firstValueAsLong("Content-Length").orElse(0) <= MAX_BODY_BYTES;
        return acceptable
                ? CappedBody.upTo(MAX_BODY_BYTES, () -> new IllegalStateException("introspection answer over the cap"))
                : CappedBody.refusing();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
