package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jose.StrictJsonSyntax;
import dev.oauthjwt.jaxrs.internal.token.ClaimsVerifier;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import dev.oauthjwt.bench.BenchmarkKeys;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
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
 * plus the cost of the extension's phases (parsing, claims, principal).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.oauthjwt.jaxrs.internal.CpuTimeComparison [rounds]}
 */
public final class CpuTimeComparison {

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BenchmarkKeys keys = new BenchmarkKeys()) {
            TokenValidator uncached = validator(keys, "0");
            TokenValidator cached = validator(keys, "10000");
            JWTAuthContextInfo info = new JWTAuthContextInfo();
            info.setIssuedBy(BenchmarkKeys.ISSUER);
            info.setExpectedAudience(Set.of(BenchmarkKeys.AUDIENCE));
            info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
            info.setRelaxVerificationKeyValidation(false);
            DefaultJWTParser smallrye = new DefaultJWTParser(info);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            Signature ec = Signature.getInstance("SHA256withECDSAinP1363Format");
            byte[] rsaInput = input(keys.rsaToken);
            byte[] rsaSig = sig(keys.rsaToken);
            byte[] ecInput = input(keys.ecToken);
            byte[] ecSig = sig(keys.ecToken);
            ClaimsVerifier claims = new ClaimsVerifier(uncached.config(), Clock.systemUTC());
            Map<String, Object> parsedClaims = CompactJws.parse(keys.rsaToken).claims();

            Map<String, Callable<Object>> variants = new LinkedHashMap<>();
            variants.put("floorRs256", () -> verify(rsa, keys.rsa.getPublic(), rsaInput, rsaSig));
            variants.put("smallryeRs256", () -> smallrye.verify(keys.rsaToken, keys.rsa.getPublic()));
            variants.put("extensionRs256", () -> uncached.validate(keys.rsaToken));
            variants.put("cachedRs256", () -> cached.validate(keys.rsaToken));
            variants.put("floorEs256", () -> verify(ec, keys.ec.getPublic(), ecInput, ecSig));
            variants.put("smallryeEs256", () -> smallrye.verify(keys.ecToken, keys.ec.getPublic()));
            variants.put("extensionEs256", () -> uncached.validate(keys.ecToken));
            variants.put("cachedEs256", () -> cached.validate(keys.ecToken));
            variants.put("phase.compactJwsParse", () -> CompactJws.parse(keys.rsaToken));
            variants.put("phase.claimsVerifier", () -> {
                claims.verify(parsedClaims);
                return parsedClaims;
            });
            variants.put("phase.principal", () -> new VerifiedToken("alice", parsedClaims, "groups"));
            String payloadJson = new String(Base64.getUrlDecoder().decode(keys.rsaToken.split("\\.")[1]),
                    StandardCharsets.UTF_8);
            variants.put("phase.strictJsonSyntax", () -> StrictJsonSyntax.isValid(payloadJson));
            variants.put("phase.jose4jJsonUtil", () -> org.jose4j.json.JsonUtil.parseJson(payloadJson));
            variants.put("phase.jose4jJwsVerify", () -> {
                org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
                jws.setCompactSerialization(keys.rsaToken);
                jws.setKey(keys.rsa.getPublic());
                return jws.verifySignature();
            });
            variants.put("phase.floorRs256NewSignature", () -> verify(Signature.getInstance("SHA256withRSA"),
                    keys.rsa.getPublic(), rsaInput, rsaSig));
            variants.put("phase.jose4jB64Decode", () -> org.jose4j.base64url.Base64Url.decode(
                    keys.rsaToken.substring(keys.rsaToken.lastIndexOf('.') + 1)));
            variants.put("phase.cacheDigest", () -> cached.cache().digest(keys.rsaToken));

            Map<String, List<Double>> samples = new LinkedHashMap<>();
            variants.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
            // warm-up: two untimed rounds
            for (int round = 0; round < rounds + 2; round++) {
                for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
                    int ops = variant.getKey().contains("Es256") && !variant.getKey().startsWith("cached")
                            ? 300 : 2000;
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

    private static TokenValidator validator(BenchmarkKeys keys, String cacheSize) throws TokenRejectedException {
        Map<String, String> values = Map.of(
                "oauth.jwt.jwks-uri", keys.jwksUri(),
                "oauth.jwt.issuer", BenchmarkKeys.ISSUER,
                "oauth.jwt.audience", BenchmarkKeys.AUDIENCE,
                "oauth.jwt.cache.max-size", cacheSize);
        TokenValidator validator = TokenValidator.create(OAuthJwtConfig.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "benchmark", 500)).build()), Clock.systemUTC());
        validator.validate(keys.rsaToken);
        validator.validate(keys.ecToken);
        return validator;
    }

    private static boolean verify(Signature s, java.security.PublicKey key, byte[] input, byte[] sig) throws Exception {
        s.initVerify(key);
        s.update(input);
        if (!s.verify(sig)) {
            throw new IllegalStateException("signature does not verify");
        }
        return true;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static byte[] input(String token) {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sig(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }
}
