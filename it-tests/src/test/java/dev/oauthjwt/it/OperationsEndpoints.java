package dev.oauthjwt.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the servers' own operations endpoints: {@code /health/ready} (MicroProfile Health JSON) and {@code /metrics}
 * (Prometheus text of MicroProfile Metrics), as an operator's probe or scraper would.
 */
final class OperationsEndpoints {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A sample line: name, labels, value (Payara and Liberty both end a line with the value). */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}\\s+(\\S+)");

    private OperationsEndpoints() {}

    /** The readiness answer: HTTP status and the {@code oauth-jwt} check, if listed. */
    record Readiness(int status, String body, Optional<JsonObject> check) {

        String checkStatus() {
            return check.map(c -> c.getString("status")).orElse("absent");
        }

        JsonObject data() {
            return check.orElseThrow().getJsonObject("data");
        }

        /** @return a number of the check's data: a JSON number on Liberty, a JSON string on Payara Micro */
        long number(String key) {
            JsonValue value = data().get(key);
            if (value == null) {
                throw new AssertionError("no " + key + " in " + body);
            }
            return value.getValueType() == JsonValue.ValueType.NUMBER
                    ? data().getJsonNumber(key).longValueExact()
                    : Long.parseLong(data().getString(key));
        }
    }

    static HttpResponse<String> get(ManagedServer server, String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(server.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", path.startsWith("/metrics") ? "text/plain" : "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Readiness readiness(ManagedServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server, "/health/ready");
        Optional<JsonObject> check = Optional.empty();
        if (response.body().startsWith("{")) {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject health = reader.readObject();
                for (JsonValue value : health.getJsonArray("checks")) {
                    JsonObject candidate = value.asJsonObject();
                    if (candidate.getString("name").equals("oauth-jwt")) {
                        check = Optional.of(candidate);
                    }
                }
            }
        }
        return new Readiness(response.statusCode(), response.body(), check);
    }

    /** Probes until the check has {@code status} (UP or DOWN), at most {@code within}. */
    static Readiness awaitReadiness(ManagedServer server, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Readiness readiness = readiness(server);
        while (!readiness.checkStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            readiness = readiness(server);
        }
        return readiness;
    }

    /**
     * @param name the Prometheus name, e.g. {@code oauth_jwt_requests_total}
     * @param label a label that must be present, e.g. {@code outcome="accepted"}
     * @return the value of the first sample with that name and label, or -1 when there is none
     */
    static double metric(String metrics, String name, String label) {
        for (String line : metrics.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name) && sample.group(2).contains(label)) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return -1;
    }

    static String metrics(ManagedServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server, "/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
