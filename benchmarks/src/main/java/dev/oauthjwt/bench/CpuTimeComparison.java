package dev.oauthjwt.bench;

import dev.oauthjwt.jaxrs.internal.cache.ValidatedTokenCache;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A complement to the JMH run for a shared, loaded machine: measures the <em>CPU time of the measuring thread</em> per
 * operation (so time spent descheduled by other processes does not count), with the variants interleaved in rounds so
 * that frequency and cache effects hit all of them alike. Prints the median per variant and the ratios to the floor,
 * plus the cost of phases of the validation reachable through public entry points (compact parsing, strict JSON,
 * principal, cache digest) and of jose4j's equivalents.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.oauthjwt.bench.CpuTimeComparison [rounds]}
 */
public final class CpuTimeComparison {

    private static volatile Object sink;

    private CpuTimeComparison() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (BenchmarkFixture keys = new BenchmarkFixture()) {
            TokenValidator uncached = keys.validator("0");
            TokenValidator cached = keys.validator("10000");
            Map<String, List<Double>> samples = measure(variants(keys, uncached, cached), rounds);
            double floorRs = median(samples.get("floorRs256"));
            double floorEs = median(samples.get("floorEs256"));
            System.out.printf("%-24s %12s %10s%n", "variant", "cpu us/op", "x floor");
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                double m = median(e.getValue());
                double floor = e.getKey().contains("Es256") ? floorEs : floorRs;
                System.out.printf("%-24s %12.2f %10.3f%n", e.getKey(), m, m / floor);
            }
            uncached.close();
            cached.close();
        }
    }

    private static Map<String, Callable<Object>> variants(
            BenchmarkFixture keys, TokenValidator uncached, TokenValidator cached) throws Exception {
        DefaultJWTParser smallrye = keys.smallryeParser();
        PublicKey rsaKey = keys.rsa.pair().getPublic();
        PublicKey ecKey = keys.ec.pair().getPublic();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        Signature ec = Signature.getInstance("SHA256withECDSAinP1363Format");
        byte[] rsaInput = JcaFloor.signingInput(keys.rsaToken);
        byte[] rsaSig = JcaFloor.signature(keys.rsaToken);
        byte[] ecInput = JcaFloor.signingInput(keys.ecToken);
        byte[] ecSig = JcaFloor.signature(keys.ecToken);
        Map<String, Object> parsedClaims = CompactJws.parse(keys.rsaToken).claims();
        String payloadJson =
                new String(Base64.getUrlDecoder().decode(keys.rsaToken.split("\\.")[1]), StandardCharsets.UTF_8);
        ValidatedTokenCache<VerifiedToken> digests =
                new ValidatedTokenCache<>(10_000, Duration.ofMinutes(5), Clock.systemUTC());

        Map<String, Callable<Object>> variants = new LinkedHashMap<>();
        variants.put("floorRs256", () -> JcaFloor.verify(rsa, rsaKey, rsaInput, rsaSig));
        variants.put("smallryeRs256", () -> smallrye.verify(keys.rsaToken, rsaKey));
        variants.put("extensionRs256", () -> uncached.validate(keys.rsaToken));
        variants.put("cachedRs256", () -> cached.validate(keys.rsaToken));
        variants.put("floorEs256", () -> JcaFloor.verify(ec, ecKey, ecInput, ecSig));
        variants.put("smallryeEs256", () -> smallrye.verify(keys.ecToken, ecKey));
        variants.put("extensionEs256", () -> uncached.validate(keys.ecToken));
        variants.put("cachedEs256", () -> cached.validate(keys.ecToken));
        variants.put("phase.compactJwsParse", () -> CompactJws.parse(keys.rsaToken));
        variants.put("phase.strictJson", () -> StrictJson.parseObject(payloadJson));
        variants.put("phase.principal", () -> new VerifiedToken("alice", parsedClaims, Set.of("users")));
        variants.put("phase.cacheDigest", () -> digests.digest(keys.rsaToken));
        variants.put("phase.jose4jJsonUtil", () -> org.jose4j.json.JsonUtil.parseJson(payloadJson));
        variants.put("phase.jose4jJwsVerify", () -> {
            org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
            jws.setCompactSerialization(keys.rsaToken);
            jws.setKey(rsaKey);
            return jws.verifySignature();
        });
        variants.put(
                "phase.floorRs256NewSignature",
                () -> JcaFloor.verify(Signature.getInstance("SHA256withRSA"), rsaKey, rsaInput, rsaSig));
        variants.put(
                "phase.jose4jB64Decode",
                () -> org.jose4j.base64url.Base64Url.decode(
                        keys.rsaToken.substring(keys.rsaToken.lastIndexOf('.') + 1)));
        return variants;
    }

    /** Runs every variant once per round (two untimed warm-up rounds first); returns CPU us/op per round. */
    private static Map<String, List<Double>> measure(Map<String, Callable<Object>> variants, int rounds)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (int round = 0; round < rounds + 2; round++) {
            for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
                int ops =
                        variant.getKey().contains("Es256") && !variant.getKey().startsWith("cached") ? 300 : 2000;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    sink = variant.getValue().call();
                }
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / ops;
                if (round >= 2) {
                    samples.get(variant.getKey()).add(micros);
                }
            }
        }
        return samples;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
