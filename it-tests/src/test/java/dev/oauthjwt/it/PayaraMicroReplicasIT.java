package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DPoP replay protection across replicas: two Payara Micro 6 instances, A and B, clustered with each other on
 * 127.0.0.1 ({@link ClusteredPayaraMicro}), both behind the same public URI (a reverse proxy's {@code Forwarded}
 * header, trusted with {@code oauth.jwt.dpop.trusted-proxy=true}), each running the sample twice: with the shared
 * JCache replay cache (Payara's Hazelcast data grid) a proof accepted by A is refused by B; with the default in-memory
 * cache the same replay is accepted by B (the cache is per replica). Both instances are booted once for the class.
 */
class PayaraMicroReplicasIT {

    private static final String PUBLIC_HOST = "api.example.test";
    private static final Duration CLUSTER_WAIT = Duration.ofSeconds(90);

    private static JwksStub jwks;
    private static TestKey key;
    private static ClusteredPayaraMicro replicaA;
    private static ClusteredPayaraMicro replicaB;

    private final DpopClient client = DpopClient.generate();

    @BeforeAll
    static void bootTwoClusteredReplicas() throws Exception {
        jwks = new JwksStub();
        key = TestKey.generate();
        jwks.publish(key);
        Path dir =
                Path.of(System.getProperty("it.dir", "target/it"), "replicas").toAbsolutePath();
        Files.createDirectories(dir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path sharedWar = ClusteredPayaraMicro.sharedCopy(dir, "dpop-proofs-" + run);
        OAuthJwtEnvironment environment = new OAuthJwtEnvironment(
                        jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE, Servers.API_REALM, 2)
                .with("OAUTH_JWT_DPOP_TRUSTED_PROXY", "true");
        List<Integer> gridPorts = List.of(LocalFiles.freePort(), LocalFiles.freePort());
        String cluster = "oauth-jwt-it-" + run;
        try {
            replicaA =
                    new ClusteredPayaraMicro("replica-a", environment, cluster, gridPorts.get(0), gridPorts, sharedWar);
            replicaA.boot();
            replicaB =
                    new ClusteredPayaraMicro("replica-b", environment, cluster, gridPorts.get(1), gridPorts, sharedWar);
            replicaB.boot();
            awaitCluster();
            for (ClusteredPayaraMicro replica : List.of(replicaA, replicaB)) {
                for (String root : List.of("", ClusteredPayaraMicro.SHARED)) {
                    fetchKeys(replica, root);
                }
            }
        } catch (Exception | AssertionError e) {
            stop();
            throw e;
        }
    }

    private static void awaitCluster() throws Exception {
        long deadline = System.nanoTime() + CLUSTER_WAIT.toNanos();
        while (!(replicaA.seesMembers(2) && replicaB.seesMembers(2)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(replicaB.seesMembers(2))
                .as("replica B joined replica A's Hazelcast cluster")
                .isTrue();
    }

    /** Sends a valid Bearer token until the app has fetched the JWKS (503 while a fetch missed its deadline). */
    private static void fetchKeys(ClusteredPayaraMicro replica, String root) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = SampleApiClient.send(HttpRequest.newBuilder(replica.uri(root + "/api/data"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key.token("read", "admin")))
                    .statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(1_100);
        } while (status == 503 && System.nanoTime() < deadline);
        throw new IllegalStateException(replica + root + " answered " + status + " to a valid token");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {replicaB, replicaA, jwks}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the others are closed anyway
                }
            }
        }
    }

    @AfterEach
    void noValidationFailedUnexpectedly() throws IOException {
        for (ClusteredPayaraMicro replica : List.of(replicaA, replicaB)) {
            assertThat(replica.logLinesContaining("failed unexpectedly"))
                    .as("server log of " + replica)
                    .isEmpty();
        }
    }

    private String boundToken() {
        return key.token("read", "admin", claims -> claims.setClaim("cnf", Map.of("jkt", client.thumbprint())));
    }

    /** GET through the "proxy": the proof names the public URI, the request goes to one replica. */
    private static HttpResponse<String> viaProxy(ClusteredPayaraMicro replica, String path, String token, String proof)
            throws IOException, InterruptedException {
        return SampleApiClient.send(HttpRequest.newBuilder(replica.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Forwarded", "proto=https;host=" + PUBLIC_HOST)
                .header("Authorization", "DPoP " + token)
                .header("DPoP", proof));
    }

    private String proof(String path, String token) {
        return client.proof("GET", URI.create("https://" + PUBLIC_HOST + path), token);
    }

    @Test
    void P1_proofReplayedToAnotherReplica_isRefusedWithTheSharedJCacheReplayCache() throws Exception {
        String path = ClusteredPayaraMicro.SHARED + "/api/data";
        String token = boundToken();
        String proof = proof(path, token);

        HttpResponse<String> first = viaProxy(replicaA, path, token, proof);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(SampleApiClient.READ_ADMIN_MESSAGE);

        HttpResponse<String> replayed = viaProxy(replicaB, path, token, proof);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge)
                        .startsWith("DPoP ")
                        .contains("error=\"invalid_dpop_proof\"")
                        .contains("error_description=\"The DPoP proof was already used\""));

        String another = proof(path, token);
        assertThat(viaProxy(replicaB, path, token, another).statusCode()).isEqualTo(200);
        assertThat(viaProxy(replicaA, path, token, another).statusCode()).isEqualTo(401);
        assertThat(replicaA.logLinesContaining("created the DPoP replay cache"))
                .as("replica A, booted first, created the shared cache")
                .isNotEmpty();
        assertThat(replicaB.logLinesContaining("created the DPoP replay cache"))
                .as("replica B found it in the cluster")
                .isEmpty();
    }

    @Test
    void proofReplayedToAnotherReplica_isAcceptedThereWithTheInMemoryReplayCache() throws Exception {
        String path = "/api/data";
        String token = boundToken();
        String proof = proof(path, token);

        assertThat(viaProxy(replicaA, path, token, proof).statusCode()).isEqualTo(200);
        // per replica: B has not seen the proof, and accepts it once
        assertThat(viaProxy(replicaB, path, token, proof).statusCode()).isEqualTo(200);
        assertThat(viaProxy(replicaB, path, token, proof).statusCode()).isEqualTo(401);
        assertThat(viaProxy(replicaA, path, token, proof).statusCode()).isEqualTo(401);
    }
}
