package dev.oauthjwt.jaxrs.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.http.BearerTokenExtractor;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.TokenMutator;
import dev.oauthjwt.testsupport.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the Authorization header and the three token segments, straight into
 * {@link BearerTokenExtractor} and {@link TokenValidator} (no HTTP; the HTTP share is in {@code HardeningHttpTest}).
 * Asserts: nothing but {@link TokenRejectedException} escapes, no mutated token is ever accepted, and every answer
 * comes within a generous sanity bound. The seed is fixed ({@code -Dfuzz.seed} overrides it) so that a failure names
 * a reproducible input; {@code -Dfuzz.scale} multiplies the input counts. Case ids: #74 (mutation fuzz), #117
 * (never a 500, i.e. never an unexpected exception).
 */
class TokenFuzzTest {

    private static final Logger LOG = Logger.getLogger(TokenFuzzTest.class.getName());

    static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    static final long SANITY_NANOS = 2_000_000_000L;

    static JwksEndpoint jwks;
    static TokenValidator validator;
    static List<String> validTokens;
    static Set<String> validSet;
    static long totalInputs;
    static long maxNanos;

    @BeforeAll
    static void start() {
        TestKeys rsa = TestKeys.rsa("k1");
        TestKeys ec = TestKeys.ec("e1", "P-256");
        jwks = AuthorizationServerStub.start().jwks().publish(rsa, ec);
        // a long cooldown: mutated kids must not turn the fuzz run into a JWKS load test
        validator = ValidatorFixture.validator(jwks, Map.of("oauth.jwt.jwks.min-refresh-interval", "PT5M"));
        validTokens = new ArrayList<>(List.of(
                Tokens.valid(rsa).sign(),
                Tokens.valid(ec).sign(),
                Tokens.valid(rsa).alg("PS256").sign(),
                Tokens.valid(rsa).claim("scope", "read").claim("jti", "j").sign(),
                Tokens.valid(rsa).header("typ", null).sign(),
                Tokens.valid(ec).claim("aud", List.of("x", "api")).sign()));
        for (String token : validTokens) {
            ValidatorFixture.accepted(validator, token);
        }
        validSet = Set.copyOf(validTokens);
    }

    @AfterAll
    static void stop() {
        validator.close();
        jwks.stub().close();
        LOG.fine(String.format(
                Locale.ROOT,
                "[hardening] fuzz: %d inputs into extractor/validator, seed %d, max answer %.2f ms",
                totalInputs,
                SEED,
                maxNanos / 1e6));
    }

    static int count(int base) {
        return (int) Math.max(1, base * SCALE);
    }

    /** Validates; returns whether accepted. Fails on any escaping throwable or on a slow answer. */
    static boolean validate(String input, String what, int index) {
        long start = System.nanoTime();
        boolean accepted;
        try {
            validator.validate(input);
            accepted = true;
        } catch (TokenRejectedException expected) {
            accepted = false;
        } catch (Throwable escaped) {
            throw new AssertionError(
                    "seed " + SEED + " " + what + " #" + index + ": " + escaped + " escaped for input "
                            + abbreviate(input),
                    escaped);
        }
        long elapsed = System.nanoTime() - start;
        maxNanos = Math.max(maxNanos, elapsed);
        totalInputs++;
        if (elapsed > SANITY_NANOS) {
            fail("seed %d %s #%d took %d ms: %s", SEED, what, index, elapsed / 1_000_000, abbreviate(input));
        }
        return accepted;
    }

    static String abbreviate(String s) {
        String escaped = s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder();
        escaped.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    @Test
    void C74_F117_mutatedValidTokens_areNeverAcceptedAndNeverEscape() {
        TokenMutator mutator = new TokenMutator(SEED);
        int n = count(60_000);
        int unchanged = 0;
        for (int i = 0; i < n; i++) {
            String original = validTokens.get(i % validTokens.size());
            String mutated = mutator.mutate(original);
            boolean accepted = validate(mutated, "mutation", i);
            if (validSet.contains(mutated)) {
                unchanged++; // a mutation that gave back a valid token byte for byte does not count
            } else if (accepted) {
                fail(
                        "seed %d mutation #%d: a mutated token was accepted: %s (from %s)",
                        SEED, i, abbreviate(mutated), abbreviate(original));
            }
        }
        LOG.fine(String.format(Locale.ROOT, "[hardening] fuzz mutations: %d (%d byte-identical)", n, unchanged));
    }

    @Test
    void F117_randomTokens_areNeverAcceptedAndNeverEscape() {
        TokenMutator mutator = new TokenMutator(SEED + 1);
        int n = count(25_000);
        for (int i = 0; i < n; i++) {
            assertThat(validate(mutator.randomToken(), "random", i)).isFalse();
        }
    }

    @Test
    void A19_F117_randomAuthorizationHeaders_onlyEverYieldRejectionsOrTheUnmodifiedToken() {
        TokenMutator mutator = new TokenMutator(SEED + 2);
        int n = count(25_000);
        for (int i = 0; i < n; i++) {
            String original = validTokens.get(i % validTokens.size());
            String header = mutator.randomAuthorization(original);
            boolean inQuery = mutator.random().nextInt(10) == 0;
            String token;
            long start = System.nanoTime();
            try {
                token = BearerTokenExtractor.extract(List.of(header), inQuery);
            } catch (TokenRejectedException expected) {
                totalInputs++;
                maxNanos = Math.max(maxNanos, System.nanoTime() - start);
                continue;
            } catch (Throwable escaped) {
                throw new AssertionError(
                        "seed " + SEED + " header #" + i + ": " + escaped + " escaped for " + abbreviate(header),
                        escaped);
            }
            boolean accepted = validate(token, "header", i);
            if (accepted && !validSet.contains(token)) {
                fail(
                        "seed %d header #%d: accepted a token that is not one of the valid ones: %s",
                        SEED, i, abbreviate(header));
            }
        }
    }
}
