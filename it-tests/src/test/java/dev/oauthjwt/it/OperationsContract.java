package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operations over real HTTP on a server whose JWKS is unreachable from the start ({@link OperationsServers}): the
 * startup report and the prefetch in the server log, readiness DOWN then UP after the JWKS recovers, and the audit
 * log's rate limit under a flood of 10 000 bad tokens, read from the server's own log file. In order: the first test
 * sees the server as it booted.
 */
@ExtendWith(OperationsServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OperationsContract extends SampleApiClient {

    static final int FLOOD = 10_000;
    private static final Pattern SUPPRESSED = Pattern.compile("suppressed reason=MALFORMED_TOKEN lines=(\\d+)");

    StubbedServer stubbed;

    @BeforeEach
    void use(StubbedServer stubbed) {
        this.stubbed = stubbed;
        this.server = stubbed.server();
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    String serverLog() throws Exception {
        return Files.readString(server.serverLog());
    }

    @Test
    @Order(1)
    void startupReportAndAFailedPrefetch_leaveTheDeploymentUpAndTheReadinessDown() throws Exception {
        assertThat(stubbed.jwks().requestCount())
                .as("prefetch at deployment, before any request")
                .isPositive();
        assertThat(serverLog())
                .contains("oauth-jwt: issuer " + TestKey.ISSUER + "; JWKS "
                        + stubbed.jwks().uri() + " (prefetch on");
        OperationsEndpoints.Readiness down = OperationsEndpoints.awaitReadiness(server, "DOWN", Duration.ofSeconds(20));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.checkStatus()).isEqualTo("DOWN");
        assertThat(down.data().getString("issuer.1.state")).isEqualTo("none");
        assertThat(down.data().getString("issuer.1.last-failure")).isEqualTo("http_status");
        assertThat(down.number("issuer.1.last-failure-status")).isEqualTo(500);
        assertThat(down.body()).doesNotContain(stubbed.jwks().uri());
        assertThat(get("/api/public", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void readinessIsUpAgainOnceTheJwksRecovers_withoutAnyApiRequest() throws Exception {
        stubbed.jwks().mode(JwksStub.Mode.SERVE);
        OperationsEndpoints.Readiness ready = OperationsEndpoints.awaitReadiness(server, "UP", Duration.ofSeconds(30));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.data().getString("issuer.1.state")).isEqualTo("fresh");
        assertThat(ready.number("issuer.1.keys")).isEqualTo(1);
        assertThat(ready.data().getString("issuer.1.last-failure")).isEqualTo("http_status");
        assertThat(get("/api/data", stubbed.initialKey().token("read", "admin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void I1_floodOf10000BadTokens_isRateLimitedInTheServerLog_withSummaries_andNoTokenText() throws Exception {
        String marker = "flood" + UUID.randomUUID().toString().replace("-", "");
        String metricsBefore = OperationsEndpoints.metrics(server);
        double countedBefore =
                OperationsEndpoints.metric(metricsBefore, "oauth_jwt_requests_total", "outcome=\"malformed_token\"");
        long start = System.nanoTime();
        List<Integer> statuses = flood("eyJhbGciOiJSUzI1NiJ9." + marker + ".c2ln");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(statuses).hasSize(FLOOD).containsOnly(401);
        Thread.sleep(2_500); // the audit flusher writes the last window's summary within a second

        String log = serverLog();
        long lines = log.lines()
                .filter(l -> l.contains("refused reason=MALFORMED_TOKEN"))
                .count();
        long suppressed = 0;
        Matcher summary = SUPPRESSED.matcher(log);
        int summaries = 0;
        while (summary.find()) {
            suppressed += Long.parseLong(summary.group(1));
            summaries++;
        }
        long seconds = took.toSeconds() + 2;
        System.out.printf(
                "[it] %s: %d bad tokens in %d ms -> %d audit lines, %d summaries (%d suppressed)%n",
                server, FLOOD, took.toMillis(), lines, summaries, suppressed);
        assertThat(lines).isPositive().isLessThanOrEqualTo(OperationsServers.AUDIT_RATE_LIMIT * (seconds + 1));
        assertThat(summaries).isPositive();
        assertThat(lines + suppressed).isEqualTo(FLOOD);
        assertThat(log).doesNotContain(marker);
        double countedAfter = OperationsEndpoints.metric(
                OperationsEndpoints.metrics(server), "oauth_jwt_requests_total", "outcome=\"malformed_token\"");
        assertThat(countedAfter - countedBefore).isEqualTo(FLOOD);
    }

    /** Sends {@link #FLOOD} requests with {@code token}, at most 16 at a time; @return their statuses */
    private List<Integer> flood(String token) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Integer>> answers = new ArrayList<>(FLOOD);
        HttpRequest request = request("/api/data")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        for (int i = 0; i < FLOOD; i++) {
            inFlight.acquire();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((status, failure) -> inFlight.release()));
        }
        List<Integer> statuses = new ArrayList<>(FLOOD);
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }
}
