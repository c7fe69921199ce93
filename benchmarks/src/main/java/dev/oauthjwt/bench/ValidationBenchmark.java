package dev.oauthjwt.bench;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One token, four ways of checking it, for RS256 (RSA 2048) and ES256 (P-256):
 * <ol>
 *   <li>{@code floor*}: the JCA signature check of the signing input alone (what no validator can go below);</li>
 *   <li>{@code smallrye*}: smallrye-jwt {@code DefaultJWTParser.verify(token, key)} with a static key;</li>
 *   <li>{@code extension*}: the extension's full validation ({@code TokenValidator.validate}: strict parsing, header
 *       rules, key lookup in the warmed JWKS cache, signature, all claim checks, principal), cache disabled;</li>
 *   <li>{@code cached*}: the same with the validated-token cache on (a hit).</li>
 * </ol>
 * The JWKS is served from loopback and fetched once in the setup; the measured loop does no I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

    BenchmarkKeys keys;
    TokenValidator uncached;
    TokenValidator cached;
    DefaultJWTParser smallrye;
    byte[] rsaInput;
    byte[] rsaSignature;
    byte[] ecInput;
    byte[] ecSignature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        keys = new BenchmarkKeys();
        uncached = validator("0");
        cached = validator("10000");
        for (String token : new String[] {keys.rsaToken, keys.ecToken}) {
            check(uncached.validate(token));
            check(cached.validate(token));
            check(cached.validate(token));
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(BenchmarkKeys.ISSUER);
        info.setExpectedAudience(Set.of(BenchmarkKeys.AUDIENCE));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        info.setRelaxVerificationKeyValidation(false);
        smallrye = new DefaultJWTParser(info);
        rsaInput = signingInput(keys.rsaToken);
        rsaSignature = signature(keys.rsaToken);
        ecInput = signingInput(keys.ecToken);
        ecSignature = signature(keys.ecToken);
    }

    private TokenValidator validator(String cacheSize) {
        Map<String, String> values = Map.of(
                "oauth.jwt.jwks-uri", keys.jwksUri(),
                "oauth.jwt.issuer", BenchmarkKeys.ISSUER,
                "oauth.jwt.audience", BenchmarkKeys.AUDIENCE,
                "oauth.jwt.cache.max-size", cacheSize);
        return TokenValidator.create(OAuthJwtConfig.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "benchmark", 500)).build()), Clock.systemUTC());
    }

    private static void check(VerifiedToken principal) {
        if (!"alice".equals(principal.getName())) {
            throw new IllegalStateException("unexpected principal");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        uncached.close();
        cached.close();
        keys.close();
    }

    /** Per-thread JCA objects, as a validator would keep them at best. */
    @State(Scope.Thread)
    public static class Jca {
        Signature rsa;
        Signature ec;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            rsa = Signature.getInstance("SHA256withRSA");
            ec = Signature.getInstance("SHA256withECDSAinP1363Format");
        }
    }

    @Benchmark
    public boolean floorRs256(Jca jca) throws Exception {
        return verify(jca.rsa, keys.rsa.getPublic(), rsaInput, rsaSignature);
    }

    @Benchmark
    public boolean floorEs256(Jca jca) throws Exception {
        return verify(jca.ec, keys.ec.getPublic(), ecInput, ecSignature);
    }

    @Benchmark
    public JsonWebToken smallryeRs256() throws Exception {
        return smallrye.verify(keys.rsaToken, keys.rsa.getPublic());
    }

    @Benchmark
    public JsonWebToken smallryeEs256() throws Exception {
        return smallrye.verify(keys.ecToken, keys.ec.getPublic());
    }

    @Benchmark
    public VerifiedToken extensionRs256() throws Exception {
        return uncached.validate(keys.rsaToken);
    }

    @Benchmark
    public VerifiedToken extensionEs256() throws Exception {
        return uncached.validate(keys.ecToken);
    }

    @Benchmark
    public VerifiedToken cachedRs256() throws Exception {
        return cached.validate(keys.rsaToken);
    }

    @Benchmark
    public VerifiedToken cachedEs256() throws Exception {
        return cached.validate(keys.ecToken);
    }

    private static boolean verify(Signature signature, PublicKey key, byte[] input, byte[] sig) throws Exception {
        signature.initVerify(key);
        signature.update(input);
        if (!signature.verify(sig)) {
            throw new IllegalStateException("signature does not verify");
        }
        return true;
    }

    private static byte[] signingInput(String token) {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }
}
