package dev.oauthjwt.bench;

import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import java.security.Signature;
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
 * The JWKS is served from loopback and fetched once in the setup; the measured loop does no I/O. Only public entry
 * points of the extension are used ({@link BenchmarkFixture}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

    BenchmarkFixture keys;
    TokenValidator uncached;
    TokenValidator cached;
    DefaultJWTParser smallrye;
    byte[] rsaInput;
    byte[] rsaSignature;
    byte[] ecInput;
    byte[] ecSignature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        keys = new BenchmarkFixture();
        uncached = keys.validator("0");
        cached = keys.validator("10000");
        for (String token : new String[] {keys.rsaToken, keys.ecToken}) {
            check(uncached.validate(token));
            check(cached.validate(token));
            check(cached.validate(token));
        }
        smallrye = keys.smallryeParser();
        rsaInput = JcaFloor.signingInput(keys.rsaToken);
        rsaSignature = JcaFloor.signature(keys.rsaToken);
        ecInput = JcaFloor.signingInput(keys.ecToken);
        ecSignature = JcaFloor.signature(keys.ecToken);
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
        return JcaFloor.verify(jca.rsa, keys.rsa.pair().getPublic(), rsaInput, rsaSignature);
    }

    @Benchmark
    public boolean floorEs256(Jca jca) throws Exception {
        return JcaFloor.verify(jca.ec, keys.ec.pair().getPublic(), ecInput, ecSignature);
    }

    @Benchmark
    public JsonWebToken smallryeRs256() throws Exception {
        return smallrye.verify(keys.rsaToken, keys.rsa.pair().getPublic());
    }

    @Benchmark
    public JsonWebToken smallryeEs256() throws Exception {
        return smallrye.verify(keys.ecToken, keys.ec.pair().getPublic());
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
}
