package dev.oauthjwt.jaxrs.internal.token;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.cache.TokenDigest;
import dev.oauthjwt.jaxrs.internal.cache.ValidatedTokenCache;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.keys.KeyChoice;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validated-token cache: a repeated token is answered from memory (the same principal instance comes back), but
 * never after its {@code exp}, its max age, or the removal of its key, and never for another spelling of the token.
 */
class ValidatedTokenCacheTest {

    static JwksEndpoint jwks;
    static TestKeys rsa;
    static TestKeys rsa2;
    static TestKeys ec;
    MutableClock clock;
    TokenValidator validator;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("rsa-1");
        rsa2 = TestKeys.rsa("rsa-2");
        ec = TestKeys.ec("ec-1", "P-256");
        jwks = AuthorizationServerStub.start().jwks();
    }

    @AfterAll
    static void stop() {
        jwks.stub().close();
    }

    @BeforeEach
    void start() {
        jwks.publish(rsa, rsa2, ec);
        clock = new MutableClock(Instant.now());
        validator = validator(Map.of());
    }

    @AfterEach
    void close() {
        validator.close();
    }

    TokenValidator validator(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
        values.putAll(overrides);
        return OAuthJwtProducer.create(OAuthJwtConfig.from(TestConfig.of(values)), clock);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void answersARepeatedTokenFromTheCache() {
        String token = Tokens.valid(rsa).sign();
        VerifiedToken first = accepted(validator, token);
        assertThat(validator.cache().size()).isEqualTo(1);
        assertThat(accepted(validator, token)).isSameAs(first);
        assertThat(validator.cache().size()).isEqualTo(1);
    }

    @Test
    void dropsAnEntryAtTheTokensExpWithoutExtendingTheClockSkew() {
        long exp = now() + 120;
        String token = Tokens.valid(rsa).claim("exp", exp).sign();
        VerifiedToken first = accepted(validator, token);

        clock.advance(Duration.ofSeconds(exp - clock.instant().getEpochSecond() - 1));
        assertThat(accepted(validator, token))
                .as("one second before exp: cached")
                .isSameAs(first);

        clock.advance(Duration.ofSeconds(1)); // now == exp: a fresh validation still accepts within the skew
        VerifiedToken afterExp = accepted(validator, token);
        assertThat(afterExp).as("at exp the entry is gone; validated afresh").isNotSameAs(first);
        assertThat(validator.cache().size())
                .as("a token valid only thanks to the skew is never cached")
                .isZero();

        clock.advance(Duration.ofSeconds(60)); // exp + skew: expired for the fresh validation too
        assertRejected(validator, token, Failure.EXPIRED);
    }

    @Test
    void acceptsFractionalNumericDates_RFC7519() {
        long t = now();
        VerifiedToken token = accepted(
                validator,
                Tokens.valid(rsa)
                        .claim("exp", BigDecimal.valueOf(t).add(new BigDecimal("3600.75")))
                        .claim("iat", new BigDecimal((t - 11) + ".5"))
                        .claim("nbf", new BigDecimal((t - 11) + ".25"))
                        .sign());
        assertThat(token.getExpirationTime()).isEqualTo(t + 3600);
    }

    @Test
    void comparesAFractionalExpExactlyAgainstTheSkewInTheFreshAndTheCachedPath() throws Exception {
        long t = now();
        clock = new MutableClock(Instant.ofEpochSecond(t));
        TokenValidator exact = validator(Map.of());
        try {
            // the rules alone, on the test's clock (the library underneath reads the real clock)
            ClaimsVerifier rules =
                    new ClaimsVerifier(OAuthJwtConfig.from(TestConfig.of(TestConfig.defaults(jwks))), clock);
            Map<String, Object> claims =
                    new HashMap<>(Map.of("iss", Tokens.ISSUER, "aud", Tokens.AUDIENCE, "sub", "alice", "iat", t - 120));
            claims.put("exp", new BigDecimal((t - 61) + ".5")); // exp = now - skew - 0.5
            assertThat(catchThrowableOfType(TokenRejectedException.class, () -> rules.verify(claims))
                            .failure())
                    .isEqualTo(Failure.EXPIRED);
            claims.put("exp", new BigDecimal((t - 60) + ".5")); // exp = now - skew + 0.5: half a second left
            assertThat(rules.verify(claims)).isEqualByComparingTo(new BigDecimal((t - 60) + ".5"));

            String soon = Tokens.valid(rsa)
                    .claim("exp", new BigDecimal((t + 10) + ".5"))
                    .sign();
            VerifiedToken first = accepted(exact, soon);
            clock.advance(Duration.ofMillis(10_499));
            assertThat(accepted(exact, soon)).as("before exp: cached").isSameAs(first);
            clock.advance(Duration.ofMillis(1)); // now == exp exactly
            assertThat(accepted(exact, soon)).as("at exp the entry is gone").isNotSameAs(first);
            clock.advance(Duration.ofSeconds(60)); // now == exp + skew
            assertRejected(exact, soon, Failure.EXPIRED);
        } finally {
            exact.close();
        }
    }

    @Test
    void dropsAnEntryAfterTheConfiguredMaxAge() {
        validator.close();
        validator = validator(Map.of("oauth.jwt.cache.max-age", "PT10S"));
        String token = Tokens.valid(rsa).sign();
        VerifiedToken first = accepted(validator, token);

        clock.advance(Duration.ofSeconds(9));
        assertThat(accepted(validator, token)).isSameAs(first);

        clock.advance(Duration.ofSeconds(1));
        VerifiedToken second = accepted(validator, token);
        assertThat(second).as("re-verified after max age").isNotSameAs(first);
        assertThat(accepted(validator, token)).as("and cached again").isSameAs(second);
    }

    @Test
    void dropsEntriesWhoseKeyLeftTheJwks() {
        String byRsa1 = Tokens.valid(rsa).sign();
        String byRsa2 = Tokens.valid(rsa2).sign();
        VerifiedToken rsa1Principal = accepted(validator, byRsa1);
        VerifiedToken rsa2Principal = accepted(validator, byRsa2);

        jwks.publish(rsa2, ec); // rsa-1 is withdrawn
        clock.advance(Duration.ofSeconds(2)); // past the 1 s cooldown
        String unknownKid = Tokens.valid(rsa).header("kid", "rotated-in").sign();
        assertRejected(validator, unknownKid, Failure.UNVERIFIABLE); // triggers the refetch of the JWKS
        assertThat(jwks.requestCount()).isGreaterThanOrEqualTo(2);

        assertRejected(validator, byRsa1, Failure.UNVERIFIABLE);
        assertThat(accepted(validator, byRsa2))
                .as("a key that stayed keeps its entries")
                .isSameAs(rsa2Principal);
        assertThat(rsa1Principal.getName()).isEqualTo("alice");
    }

    @Test
    void dropsTheEntryOfAKidlessTokenWhenItsKeyIsNoLongerTheOnlyOne() {
        jwks.publish(rsa);
        validator.close();
        validator = validator(Map.of());
        String kidless = Tokens.valid(rsa).header("kid", null).sign();
        VerifiedToken first = accepted(validator, kidless);
        assertThat(accepted(validator, kidless)).isSameAs(first);

        jwks.publish(rsa, rsa2);
        clock.advance(Duration.ofSeconds(2));
        assertRejected(validator, Tokens.valid(rsa).header("kid", "new").sign(), Failure.UNVERIFIABLE);

        assertRejected(validator, kidless, Failure.UNVERIFIABLE);
    }

    @Test
    void mapsTheHighSTwinOfAnEcdsaSignatureToTheSameEntry_C50() {
        String token = Tokens.valid(ec).sign();
        String twin = withOtherS(token);
        assertThat(twin).isNotEqualTo(token);

        VerifiedToken first = accepted(validator, token);
        assertThat(accepted(validator, twin))
                .as("the twin is the same signature: same entry")
                .isSameAs(first);
        assertThat(validator.cache().size()).isEqualTo(1);
    }

    @Test
    void mapsAnEcdsaTokenFirstSeenAsItsTwinToTheSameEntry_C50() {
        String token = Tokens.valid(ec).sign();
        String twin = withOtherS(token);
        VerifiedToken first = accepted(validator, twin);
        assertThat(accepted(validator, token)).isSameAs(first);
        assertThat(validator.cache().size()).isEqualTo(1);
    }

    @Test
    void neverAnswersOtherSpellingsOfACachedTokenFromTheCache_C28_C29_C30_C31() {
        String token = Tokens.valid(rsa).sign();
        accepted(validator, token);
        String[] parts = token.split("\\.");
        String sig = parts[2];
        char last = sig.charAt(sig.length() - 1);
        char flipped = "AQgw".indexOf(last) >= 0 ? (char) (last + 1) : (char) (last - 1);
        String[] spellings = {
            token + "=",
            token + "==",
            parts[0] + "=." + parts[1] + "." + sig,
            parts[0] + "." + parts[1] + "=." + sig,
            parts[0] + "." + parts[1] + "." + sig.substring(0, 10) + "~" + sig.substring(10),
            parts[0] + "." + parts[1] + "." + sig.substring(0, 10) + " " + sig.substring(10),
            parts[0] + "." + parts[1] + "." + sig.replace('-', '+').replace('_', '/'),
            parts[0] + "." + parts[1] + "." + sig.substring(0, sig.length() - 1) + flipped,
        };
        for (String spelling : spellings) {
            if (spelling.equals(token)) {
                continue; // a signature without '-'/'_' has no standard-alphabet twin
            }
            assertThat(ValidatorFixture.rejection(validator, spelling))
                    .as(spelling.substring(token.length() / 2))
                    .isIn(Failure.MALFORMED_TOKEN, Failure.UNVERIFIABLE);
        }
        assertThat(validator.cache().size()).isEqualTo(1);
    }

    @Test
    void rejectsEcdsaSignaturesOfTheWrongLength() {
        String token = Tokens.valid(ec).sign();
        String[] parts = token.split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        byte[] longer = new byte[sig.length + 2]; // 00 || r || 00 || s: the same integers, 66 bytes
        System.arraycopy(sig, 0, longer, 1, 32);
        System.arraycopy(sig, 32, longer, 34, 32);
        byte[] shorter = Arrays.copyOf(sig, 63);
        for (byte[] variant : new byte[][] {longer, shorter}) {
            String spelled = parts[0] + "." + parts[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(variant);
            assertRejected(validator, spelled, Failure.UNVERIFIABLE);
        }
        assertThat(validator.cache().size()).isZero();
    }

    @Test
    void neverCachesRejectedTokens() {
        assertRejected(validator, Tokens.valid(rsa).claim("aud", "other").sign(), Failure.WRONG_AUDIENCE);
        assertRejected(validator, Tokens.valid(rsa).signWith(TestKeys.rsa("rsa-1")), Failure.UNVERIFIABLE);
        assertThat(validator.cache().size()).isZero();
    }

    @Test
    void honoursTheSizeBound() {
        validator.close();
        validator = validator(Map.of("oauth.jwt.cache.max-size", "3"));
        for (int i = 0; i < 10; i++) {
            String token = Tokens.valid(rsa).claim("jti", "t" + i).sign();
            accepted(validator, token);
            assertThat(validator.cache().size()).isBetween(1, 3);
        }
        String last = Tokens.valid(rsa).claim("jti", "last").sign();
        VerifiedToken principal = accepted(validator, last);
        assertThat(accepted(validator, last))
                .as("the newest entry survives eviction")
                .isSameAs(principal);
    }

    @Test
    void evictsExpiredEntriesFirst() {
        ValidatedTokenCache<VerifiedToken> cache = new ValidatedTokenCache<>(2, Duration.ofMinutes(5), clock);
        long nowSeconds = clock.instant().getEpochSecond();
        TokenDigest soonExpired =
                cache.digest(Tokens.valid(rsa).claim("jti", "a").sign());
        TokenDigest longLived = cache.digest(Tokens.valid(rsa).claim("jti", "b").sign());
        TokenDigest newest = cache.digest(Tokens.valid(rsa).claim("jti", "c").sign());
        VerifiedToken p = new VerifiedToken("alice", Map.of("sub", "alice"), Set.of());
        KeyChoice choice = new KeyChoice("rsa-1", JwsAlgorithm.RS256, null, null);
        cache.put(soonExpired, p, choice, BigDecimal.valueOf(nowSeconds + 10));
        cache.put(longLived, p, choice, BigDecimal.valueOf(nowSeconds + 200));
        clock.advance(Duration.ofSeconds(20));
        cache.put(newest, p, choice, BigDecimal.valueOf(nowSeconds + 200));
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void isDisabledByAMaxSizeOfZero() {
        validator.close();
        validator = validator(Map.of("oauth.jwt.cache.max-size", "0"));
        assertThat(validator.cache()).isNull();
        String token = Tokens.valid(rsa).sign();
        assertThat(accepted(validator, token)).isNotSameAs(accepted(validator, token));
    }

    @Test
    void keepsNoTokenTextInItsKeys() {
        String token = Tokens.valid(rsa).sign();
        TokenDigest digest = validator.cache().digest(token);
        assertThat(digest.toString()).doesNotContain(token.substring(0, 20));
        assertThat(validator.cache().digest(token)).isEqualTo(digest);
        assertThat(validator.cache().digest(token + "=")).isNull();
    }

    /** The same ECDSA signature with s replaced by n - s: valid over the same content (catalogue #50). */
    static String withOtherS(String token) {
        try {
            String[] parts = token.split("\\.");
            byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            BigInteger n = parameters.getParameterSpec(ECParameterSpec.class).getOrder();
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            byte[] other = n.subtract(s).toByteArray();
            byte[] twin = Arrays.copyOf(sig, 64);
            Arrays.fill(twin, 32, 64, (byte) 0);
            int len = Math.min(other.length, 32);
            System.arraycopy(other, other.length - len, twin, 64 - len, len);
            return parts[0] + "." + parts[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(twin);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
