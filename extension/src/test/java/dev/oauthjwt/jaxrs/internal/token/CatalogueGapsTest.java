package dev.oauthjwt.jaxrs.internal.token;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.Secured;
import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.http.EndpointRules;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue cases of sections C, D and E that the lead's {@link TokenValidatorTest} leaves open: psychic and
 * malformed ECDSA signatures, RSA signature length, hostile kids, nested cty, JWE variants, jwt_tool-style mutation,
 * and the JSON size cases. DoS-flagged cases record their answer time; the only timing assertion is a generous sanity
 * bound ({@link #SANITY_MS}).
 */
class CatalogueGapsTest {

    private static final Logger LOG = Logger.getLogger(CatalogueGapsTest.class.getName());

    static final long SANITY_MS = 2_000;
    static final AtomicLong MAX_DOS_NANOS = new AtomicLong();

    static JwksEndpoint jwks;
    static JwksEndpoint canary;
    static TestKeys rsa;
    static TestKeys ec256;
    static TestKeys ec384;
    static TestKeys ec521;
    TokenValidator validator;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("rsa-1");
        ec256 = TestKeys.ec("ec-256", "P-256");
        ec384 = TestKeys.ec("ec-384", "P-384");
        ec521 = TestKeys.ec("ec-521", "P-521");
        jwks = AuthorizationServerStub.start().jwks();
        canary = AuthorizationServerStub.start().jwks();
    }

    @AfterAll
    static void stop() {
        jwks.stub().close();
        canary.stub().close();
        LOG.fine(String.format(
                Locale.ROOT, "[hardening] token-level DoS cases: max answer time %.1f ms", MAX_DOS_NANOS.get() / 1e6));
    }

    @BeforeEach
    void newValidator() {
        jwks.publish(rsa, ec256, ec384, ec521);
        validator = ValidatorFixture.validator(jwks, Map.of());
        accepted(validator, Tokens.valid(rsa).sign()); // keys cached: no test below measures a fetch
    }

    @AfterEach
    void close() {
        validator.close();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Validates, asserts rejection and the sanity time bound, records the time. */
    Failure timedRejection(String token) {
        long start = System.nanoTime();
        Failure failure = rejection(validator, token);
        long elapsed = System.nanoTime() - start;
        MAX_DOS_NANOS.accumulateAndGet(elapsed, Math::max);
        assertThat(elapsed / 1_000_000).as("answer time (ms)").isLessThan(SANITY_MS);
        return failure;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + b64(signature);
    }

    static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    static TestKeys ecKey(String alg) {
        return switch (alg) {
            case "ES256" -> ec256;
            case "ES384" -> ec384;
            default -> ec521;
        };
    }

    static int ecSignatureLength(String alg) {
        return switch (alg) {
            case "ES256" -> 64;
            case "ES384" -> 96;
            default -> 132;
        };
    }

    static BigInteger order(TestKeys key) {
        return ((ECPublicKey) key.pair().getPublic()).getParams().getOrder();
    }

    static byte[] fixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Nested
    class Signatures {

        @Test
        void C39_strippedSignature_isRejected() {
            for (TestKeys key : List.of(rsa, ec256)) {
                String token = Tokens.valid(key).sign();
                assertRejected(validator, token.substring(0, token.lastIndexOf('.') + 1), Failure.MALFORMED_TOKEN);
            }
        }

        @Test
        void C42_hmacKeyedWithPublicKeyBytesRecoveredFromTokens_isRejected() throws Exception {
            // the attacker recovers n from two tokens; every byte form of it as the HMAC key
            java.security.interfaces.RSAPublicKey pub =
                    (java.security.interfaces.RSAPublicKey) rsa.pair().getPublic();
            List<byte[]> forms = List.of(
                    pub.getModulus().toByteArray(),
                    pub.getEncoded(),
                    b64(pub.getModulus().toByteArray()).getBytes(StandardCharsets.US_ASCII),
                    ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pub.getEncoded())
                                    + "\n-----END PUBLIC KEY-----\n")
                            .getBytes(StandardCharsets.US_ASCII));
            for (String alg : List.of("HS256", "HS384", "HS512")) {
                for (byte[] key : forms) {
                    assertRejected(validator, hmac(alg, key, "rsa-1"), Failure.UNVERIFIABLE);
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "secret", "1", "password", "changeme", "your-256-bit-secret", "jwt", "admin"})
        void C43_hmacWithWeakOrCommonSecrets_isRejected(String secret) throws Exception {
            assertRejected(
                    validator, hmac("HS256", secret.getBytes(StandardCharsets.UTF_8), "rsa-1"), Failure.UNVERIFIABLE);
            assertRejected(
                    validator, hmac("HS256", secret.getBytes(StandardCharsets.UTF_8), null), Failure.UNVERIFIABLE);
        }

        private String hmac(String alg, byte[] key, String kid) throws Exception {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(Tokens.valid(rsa).claim("sub", "admin").claimsJson());
            jws.setAlgorithmHeaderValue(alg);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            jws.setKey(new HmacKey(key.length == 0 ? new byte[1] : key));
            jws.setDoKeyValidation(false);
            String token = jws.getCompactSerialization();
            if (key.length == 0) {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(new byte[] {0}, "HmacSHA256"));
                token = withSignature(
                        token,
                        mac.doFinal(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII)));
            }
            return token;
        }

        @Test
        void C47_runtimeIsPatchedAgainstPsychicSignatures() {
            Runtime.Version version = Runtime.version();
            assertThat(version.feature() > 17 || (version.feature() == 17 && version.update() >= 3))
                    .as("JRE %s must be >= 17.0.3 (CVE-2022-21449)", version)
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES256", "ES384", "ES512"})
        void C47_psychicSignatureZeroZero_isRejected(String alg) {
            String token = Tokens.valid(ecKey(alg)).alg(alg).sign();
            assertThat(timedRejection(withSignature(token, new byte[ecSignatureLength(alg)])))
                    .isEqualTo(Failure.UNVERIFIABLE);
            accepted(validator, token);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES256", "ES384", "ES512"})
        void C48_psychicVariants_areRejected(String alg) {
            TestKeys key = ecKey(alg);
            int half = ecSignatureLength(alg) / 2;
            BigInteger n = order(key);
            String token = Tokens.valid(key).alg(alg).sign();
            byte[] ff = new byte[half * 2];
            Arrays.fill(ff, (byte) 0xFF);
            List<byte[]> variants = List.of(
                    concat(fixed(n, half), fixed(n, half)), // r = s = n
                    concat(fixed(n, half), new byte[half]), // r = n, s = 0
                    concat(new byte[half], fixed(n, half)), // r = 0, s = n
                    concat(fixed(BigInteger.ONE, half), fixed(BigInteger.ONE, half)),
                    ff, // all 0xFF
                    Base64.getDecoder().decode("MAYCAQACAQA=")); // DER r = s = 0
            for (byte[] variant : variants) {
                assertThat(timedRejection(withSignature(token, variant)))
                        .as(alg)
                        .isIn(Failure.UNVERIFIABLE, Failure.INVALID_TOKEN);
            }
        }

        @Test
        void C49_wrongEcdsaSignatureLengthsAndDer_areRejected() throws Exception {
            String token = Tokens.valid(ec256).sign();
            byte[] sig = signature(token);
            List<byte[]> variants = new ArrayList<>(List.of(
                    Arrays.copyOf(sig, 63), Arrays.copyOf(sig, 65), concat(sig, sig), concat(new byte[] {0}, sig)));
            // the same signature, DER-encoded as JCA produces it (70-72 bytes)
            Signature der = Signature.getInstance("SHA256withECDSA");
            der.initSign(ec256.pair().getPrivate());
            der.update(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
            byte[] derSignature = der.sign();
            assertThat(derSignature.length).isBetween(68, 72);
            variants.add(derSignature);
            for (byte[] variant : variants) {
                assertThat(rejection(validator, withSignature(token, variant)))
                        .isIn(Failure.UNVERIFIABLE, Failure.INVALID_TOKEN);
            }
        }

        /**
         * Policy (documented): ECDSA high-s signatures are mathematically valid and accepted. Nothing in the extension
         * is keyed on the token string (no cache, no denylist), so a second spelling gains nothing; the principal
         * carries the same {@code jti}, which is what an application denylist must key on.
         */
        @Test
        void C50_highS_isAcceptedAsTheSameTokenIdentity() {
            String token = Tokens.valid(ec256).claim("jti", "id-50").sign();
            byte[] sig = signature(token);
            BigInteger n = order(ec256);
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            byte[] malleated = concat(Arrays.copyOf(sig, 32), fixed(n.subtract(s), 32));
            String copy = withSignature(token, malleated);
            assertThat(copy).isNotEqualTo(token);
            VerifiedToken original = accepted(validator, token);
            VerifiedToken twin = accepted(validator, copy);
            assertThat(twin.claim("jti")).isEqualTo(original.claim("jti")).contains("id-50");
        }

        @Test
        void C51_rsaSignatureLengthOtherThanTheModulus_isRejected() {
            String token = Tokens.valid(rsa).sign();
            byte[] sig = signature(token);
            assertThat(rejection(validator, withSignature(token, concat(new byte[] {0}, sig))))
                    .isIn(Failure.UNVERIFIABLE, Failure.INVALID_TOKEN);
            // find a signature with a leading 0x00 byte (about 1 in 256) and strip it
            String zeroLed = null;
            for (int i = 0; i < 4_000 && zeroLed == null; i++) {
                String candidate = Tokens.valid(rsa).claim("jti", "n" + i).sign();
                if (signature(candidate)[0] == 0) {
                    zeroLed = candidate;
                }
            }
            assertThat(zeroLed).as("a signature with a leading zero byte").isNotNull();
            accepted(validator, zeroLed);
            byte[] full = signature(zeroLed);
            assertThat(rejection(validator, withSignature(zeroLed, Arrays.copyOfRange(full, 1, full.length))))
                    .isIn(Failure.UNVERIFIABLE, Failure.INVALID_TOKEN);
        }
    }

    @Nested
    class HostileHeaders {

        @ParameterizedTest
        @ValueSource(strings = {"crlf", "ansi", "jndi", "u2028", "64k", "empty", "nul", "backslash-quote"})
        void C57_hostileKids_areRejectedWithoutOutboundRequestsOrErrors(String kind) {
            String kid = switch (kind) {
                case "crlf" -> "k1\r\nX-Injected: yes";
                case "ansi" -> "\u001b[31mred\u001b[0m";
                case "jndi" -> "${jndi:ldap://127.0.0.1:" + canary.uri().getPort() + "/x}";
                case "u2028" -> "k\u2028\u2029k";
                case "64k" -> "k".repeat(64 * 1024);
                case "empty" -> "";
                case "nul" -> "k\u0000";
                default -> "\\\"";
            };
            int fetches = jwks.requestCount();
            String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":"
                    + org.jose4j.json.internal.json_simple.JSONValue.toJSONString(kid) + "}";
            String token = Tokens.signRaw(header, Tokens.valid(rsa).claimsJson(), rsa);
            assertThat(timedRejection(token)).isIn(Failure.UNVERIFIABLE, Failure.TOKEN_TOO_LARGE);
            assertThat(canary.requestCount()).isZero();
            assertThat(jwks.requestCount() - fetches)
                    .as("at most one rate-limited refetch")
                    .isLessThanOrEqualTo(1);
        }

        @Test
        void C57_emptyKid_neverMatchesAKeyWithoutKid() {
            Map<String, Object> noKid = rsa.publicJwk();
            noKid.remove("kid");
            jwks.publishJwks(List.of(noKid));
            TokenValidator fresh = ValidatorFixture.validator(jwks, Map.of());
            try {
                accepted(fresh, Tokens.valid(rsa).header("kid", null).sign());
                assertRejected(fresh, Tokens.valid(rsa).header("kid", "").sign(), Failure.UNVERIFIABLE);
            } finally {
                fresh.close();
            }
        }

        @Test
        void C57_C69_explicitJsonNullKidOrTyp_isNotTreatedAsAbsent() {
            Map<String, Object> noKid = rsa.publicJwk();
            noKid.remove("kid");
            jwks.publishJwks(List.of(noKid));
            TokenValidator fresh = ValidatorFixture.validator(jwks, Map.of());
            try {
                String claims = Tokens.valid(rsa).claimsJson();
                accepted(fresh, Tokens.signRaw("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", claims, rsa));
                assertRejected(
                        fresh,
                        Tokens.signRaw("{\"alg\":\"RS256\",\"kid\":null}", claims, rsa),
                        Failure.MALFORMED_TOKEN);
                assertRejected(
                        fresh, Tokens.signRaw("{\"alg\":\"RS256\",\"typ\":null}", claims, rsa), Failure.WRONG_TYPE);
            } finally {
                fresh.close();
            }
        }

        @Test
        void C67_deepCtyNesting_isRejectedWithoutUnwrapping() {
            String inner = Tokens.valid(rsa).sign();
            String garbageSig = b64(new byte[256]);
            String fitting = null;
            int levels = 0;
            for (int level = 0; level < 25; level++) {
                String header = Tokens.b64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"cty\":\"JWT\"}");
                inner = header + "." + Tokens.b64(inner) + "." + garbageSig;
                if (inner.length() <= TokenValidator.MAX_TOKEN_LENGTH) {
                    fitting = inner;
                    levels = level + 1;
                }
            }
            LOG.fine(String.format(Locale.ROOT, "[hardening] C67 %d cty levels fit under the token cap", levels));
            // the outer payload is a compact token, not a JSON object: refused before any header rule or library call
            assertThat(timedRejection(fitting)).isIn(Failure.UNSUPPORTED_HEADER, Failure.MALFORMED_TOKEN);
            assertThat(timedRejection(inner)).isEqualTo(Failure.TOKEN_TOO_LARGE);
            // a flat, unique-header variant at 20+ levels: the nesting is built into the payload without encoding
            // growth
            StringBuilder flat = new StringBuilder();
            for (int level = 0; level < 30; level++) {
                flat.append("{\"cty\":\"JWT\",\"p\":");
            }
            flat.append("0").append("}".repeat(30));
            assertThat(timedRejection(Tokens.b64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"cty\":\"JWT\"}") + "."
                            + Tokens.b64(flat.toString()) + "." + garbageSig))
                    .isIn(Failure.UNSUPPORTED_HEADER, Failure.MALFORMED_TOKEN);
            String signedOuter = Tokens.signRaw(
                    "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"cty\":\"JWT\"}",
                    "\"" + Tokens.valid(rsa).sign() + "\"",
                    rsa);
            assertThat(timedRejection(signedOuter)).isIn(Failure.UNSUPPORTED_HEADER, Failure.MALFORMED_TOKEN);
        }
    }

    @Nested
    class Encryption {

        private String jwe(String headerJson) {
            byte[] filler = new byte[32];
            new java.util.Random(7).nextBytes(filler);
            return Tokens.b64(headerJson) + "." + b64(filler) + "." + b64(Arrays.copyOf(filler, 12)) + "." + b64(filler)
                    + "." + b64(Arrays.copyOf(filler, 16));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483647", "1000000000", "1"})
        void C71_pbes2BillionHashes_isRejectedBeforeAnyKdf(String p2c) {
            String header = "{\"alg\":\"PBES2-HS512+A256KW\",\"enc\":\"A256GCM\",\"p2s\":\"c2FsdHNhbHRzYWx0\",\"p2c\":"
                    + p2c + "}";
            assertThat(timedRejection(jwe(header))).isEqualTo(Failure.MALFORMED_TOKEN);
            // squeezed into three segments, it still never reaches a KDF: PBES2 is not a signature algorithm
            String three =
                    Tokens.b64(header) + "." + Tokens.b64(Tokens.valid(rsa).claimsJson()) + "." + b64(new byte[32]);
            assertThat(timedRejection(three)).isEqualTo(Failure.UNVERIFIABLE);
        }

        @Test
        void C72_jweDecompressionBomb_isRejectedWithoutDecrypting() throws Exception {
            org.jose4j.jwe.JsonWebEncryption jwe = new org.jose4j.jwe.JsonWebEncryption();
            jwe.setAlgorithmHeaderValue("RSA-OAEP-256");
            jwe.setEncryptionMethodHeaderParameter("A128GCM");
            jwe.setHeader("zip", "DEF");
            jwe.setKey(rsa.pair().getPublic());
            jwe.setPlaintext(new String(new char[2_000_000]).replace('\0', 'a')); // ~2 MB compressing to a few KB
            String token = jwe.getCompactSerialization();
            LOG.fine(String.format(Locale.ROOT, "[hardening] C72 zip bomb JWE: %d chars", token.length()));
            long heapBefore =
                    Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            assertThat(timedRejection(token)).isEqualTo(Failure.MALFORMED_TOKEN);
            long grown =
                    Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - heapBefore;
            LOG.fine(String.format(Locale.ROOT, "[hardening] C72 heap delta %d KiB", grown / 1024));
            assertThat(timedRejection(jwe("{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"zip\":\"DEF\"}")))
                    .isEqualTo(Failure.MALFORMED_TOKEN);
        }

        @Test
        void C73_rsa1_5AndEcdhEsWithOffCurveEpk_areRejectedUniformly() throws Exception {
            org.jose4j.jwe.JsonWebEncryption jwe = new org.jose4j.jwe.JsonWebEncryption();
            jwe.setAlgorithmHeaderValue("RSA1_5");
            jwe.setEncryptionMethodHeaderParameter("A128CBC-HS256");
            jwe.setKey(rsa.pair().getPublic());
            jwe.setPlaintext(Tokens.valid(rsa).claimsJson());
            String rsa15;
            try {
                rsa15 = jwe.getCompactSerialization();
            } catch (Exception blockedByLibrary) {
                rsa15 = jwe("{\"alg\":\"RSA1_5\",\"enc\":\"A128CBC-HS256\"}");
            }
            String ecdh = jwe("{\"alg\":\"ECDH-ES\",\"enc\":\"A128GCM\",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\","
                    + "\"x\":\"" + b64(new byte[32]) + "\",\"y\":\"" + b64(new byte[32]) + "\"}}");
            List<Failure> answers = List.of(
                    timedRejection(rsa15),
                    timedRejection(ecdh),
                    timedRejection(jwe("{\"alg\":\"RSA1_5\",\"enc\":\"A128CBC-HS256\"}")));
            assertThat(answers).containsOnly(Failure.MALFORMED_TOKEN);
        }
    }

    @Nested
    class Mutation {

        static final List<Object> INJECTIONS = Arrays.asList(
                null,
                true,
                false,
                0,
                -1,
                1.5,
                Long.MAX_VALUE,
                new BigInteger("1" + "0".repeat(40)),
                "",
                " ",
                "null",
                "[]",
                List.of(),
                Map.of(),
                List.of("x"),
                Map.of("a", 1),
                "x".repeat(10_000),
                "${jndi:ldap://127.0.0.1:1/x}",
                "../../../../dev/null",
                "' OR '1'='1",
                "\"><script>",
                "\r\nX: y",
                "\u0000",
                "%00",
                "|sleep 10",
                "http://127.0.0.1:{canary}/cb",
                "none",
                "RS256 ",
                "HS256",
                "at+jwt; x=y");

        /** jwt_tool -M er/cc/pb style: every header parameter and claim set to every injection, validly signed. */
        @Test
        void C74_jwtToolStyleMutationOfEveryMemberAndClaim_neverEscapesAndNeverWidensAccess() {
            String canaryUrl = String.valueOf(canary.uri().getPort());
            // a long cooldown: the kid mutations must not turn this into a JWKS fetch per injection
            TokenValidator validator =
                    ValidatorFixture.validator(jwks, Map.of("oauth.jwt.jwks.min-refresh-interval", "PT5M"));
            accepted(validator, Tokens.valid(ec256).sign());
            int cases = 0;
            List<String> widened = new ArrayList<>();
            try {
                Map<String, Object> baseHeader =
                        new HashMap<>(Map.of("alg", "ES256", "typ", "at+jwt", "kid", "ec-256"));
                List<String> headerNames =
                        List.of("alg", "typ", "kid", "jku", "x5u", "jwk", "cty", "crit", "zip", "x5c");
                List<String> claimNames = List.of(
                        "iss", "sub", "aud", "exp", "iat", "nbf", "scope", "scp", "jti", "client_id", "groups", "role");
                for (Object raw : INJECTIONS) {
                    Object value = raw instanceof String s ? s.replace("{canary}", canaryUrl) : raw;
                    for (String name : headerNames) {
                        Map<String, Object> header = new HashMap<>(baseHeader);
                        header.put(name, value);
                        String token =
                                Tokens.signRaw(json(header), Tokens.valid(ec256).claimsJson(), ec256);
                        cases++;
                        if (header.equals(baseHeader)) {
                            continue;
                        }
                        try {
                            validator.validate(token);
                            // key-bearing parameters are ignored (#52-#54): the token still verifies with the JWKS key
                            if (!List.of("jku", "x5u", "jwk", "x5c").contains(name)) {
                                widened.add("header " + name + "=" + value);
                            }
                        } catch (TokenRejectedException e) {
                            assertThat(e.failure().status()).isEqualTo(401);
                        }
                    }
                    for (String name : claimNames) {
                        Tokens builder = Tokens.valid(ec256);
                        if (value == null) {
                            builder.nullClaim(name);
                        } else {
                            builder.claim(name, value);
                        }
                        String token = Tokens.signRaw(json(baseHeader), builder.claimsJson(), ec256);
                        cases++;
                        try {
                            VerifiedToken principal = validator.validate(token);
                            // only claims the extension does not interpret may take any value, and "sub" any non-empty
                            // string, which is then used verbatim
                            // a positive number is a valid NumericDate (RFC 7519 §2 allows a fraction): nbf in the past
                            boolean pastNotBefore =
                                    name.equals("nbf") && value instanceof Number n && n.doubleValue() > 0;
                            if (!List.of("sub", "scope", "jti", "client_id", "groups", "role", "scp")
                                            .contains(name)
                                    && !pastNotBefore) {
                                widened.add("claim " + name + "=" + value);
                            } else if (name.equals("sub")
                                    && !principal.getName().equals(value)) {
                                widened.add("sub reinterpreted: " + value);
                            }
                        } catch (TokenRejectedException e) {
                            assertThat(e.failure().status()).isEqualTo(401);
                        }
                    }
                }
            } finally {
                validator.close();
            }
            assertThat(widened).as("mutations that were accepted").isEmpty();
            assertThat(canary.requestCount()).as("no outbound request").isZero();
            LOG.fine(String.format(Locale.ROOT, "[hardening] C74 mutation cases: %d", cases));
        }

        private String json(Map<String, Object> map) {
            return org.jose4j.json.internal.json_simple.JSONValue.toJSONString(map);
        }
    }

    @Nested
    class Claims {

        @Test
        void D87_tokenOlderThanTheMaximumLifetime_isRejected() {
            long now = now();
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now - 25 * 3600)
                            .claim("exp", now + 60)
                            .sign(),
                    Failure.LIFETIME_TOO_LONG);
        }

        @Test
        void D95_audienceArrayOf50000Entries_isRefusedBySizeAndTheLargestFittingOneIsCheckedFast() {
            List<String> aud = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                aud.add("aud-" + i);
            }
            assertThat(timedRejection(Tokens.valid(rsa).claim("aud", aud).sign()))
                    .isEqualTo(Failure.TOKEN_TOO_LARGE);
            // the largest array under the 8 KiB cap, with the accepted audience last
            List<String> fitting = new ArrayList<>(aud.subList(0, 500));
            String token;
            do {
                fitting.remove(fitting.size() - 1);
                List<String> withApi = new ArrayList<>(fitting);
                withApi.add(Tokens.AUDIENCE);
                token = Tokens.valid(rsa).claim("aud", withApi).sign();
            } while (token.length() > TokenValidator.MAX_TOKEN_LENGTH);
            long start = System.nanoTime();
            accepted(validator, token);
            MAX_DOS_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
            assertThat(timedRejection(Tokens.valid(rsa).claim("aud", fitting).sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
        }

        @Test
        void D102_hugeNumbers_areRejectedFast() {
            String digits = "9".repeat(100_000);
            String claims = Tokens.valid(rsa).claimsJson();
            assertThat(timedRejection(
                            Tokens.signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":" + digits + "}", claims, rsa)))
                    .isEqualTo(Failure.TOKEN_TOO_LARGE);
            for (String number : List.of(
                    digits,
                    "9".repeat(5_000),
                    "1e999999",
                    "-1e999999",
                    "1e400",
                    "18446744073709551621",
                    "1" + "0".repeat(5_000) + "e-5000")) {
                String exp = claims.replaceFirst("\"exp\":\\d+", "\"exp\":" + number);
                assertThat(timedRejection(Tokens.signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", exp, rsa)))
                        .as(number.length() > 20 ? number.length() + " chars" : number)
                        .isIn(Failure.INVALID_CLAIM, Failure.MALFORMED_TOKEN, Failure.TOKEN_TOO_LARGE);
            }
            // a 5 000-digit number in an unknown header member of a validly signed token is ignored, in bounded time
            long start = System.nanoTime();
            accepted(
                    validator,
                    Tokens.signRaw(
                            "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":" + "9".repeat(5_000) + "}", claims, rsa));
            MAX_DOS_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
        }

        @Test
        void D103_fiftyThousandDistinctOrCollidingMemberNames_areRefusedBySizeAndTheFittingOnesHandledFast() {
            for (boolean colliding : List.of(false, true)) {
                StringBuilder all = new StringBuilder();
                StringBuilder fitting = new StringBuilder();
                for (int i = 0; i < 50_000; i++) {
                    String name;
                    if (colliding) {
                        // "Aa" and "BB" share a String hash code: all these names have one hash
                        StringBuilder sb = new StringBuilder();
                        for (int bit = 15; bit >= 0; bit--) {
                            sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
                        }
                        name = sb.toString();
                    } else {
                        name = "m" + i;
                    }
                    String member = ",\"" + name + "\":0";
                    all.append(member);
                    if (fitting.length() + member.length() < 5_500) {
                        fitting.append(member);
                    }
                }
                String claims = Tokens.valid(rsa).claimsJson();
                String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}";
                String huge = claims.substring(0, claims.length() - 1) + all + "}";
                assertThat(timedRejection(Tokens.signRaw(header, huge, rsa))).isEqualTo(Failure.TOKEN_TOO_LARGE);
                String big = claims.substring(0, claims.length() - 1) + fitting + "}";
                String token = Tokens.signRaw(header, big, rsa);
                assertThat(token.length()).isLessThanOrEqualTo(TokenValidator.MAX_TOKEN_LENGTH);
                long start = System.nanoTime();
                assertThat(accepted(validator, token).getName()).isEqualTo("alice");
                MAX_DOS_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        }
    }

    @Nested
    class Configuration {

        @ParameterizedTest
        @ValueSource(strings = {"re\"ad", "read\\", "a\"b c", "x\u007f"})
        void E114_scopeNamesOutsideTheScopeTokenCharset_areRefusedAtStartup(String scope) {
            Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
            values.put("oauth.jwt.scope", scope);
            assertThatThrownBy(() -> OAuthJwtConfig.from(TestConfig.of(values)))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("oauth.jwt.scope");
            assertThatThrownBy(() -> EndpointRules.of(securedWithScope(scope), "Test#m"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void E114_realmWithQuoteOrBackslash_isRefusedAtStartup() {
            for (String realm : List.of("a\"b", "a\\b", "a\r\nb")) {
                Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
                values.put("oauth.jwt.realm", realm);
                assertThatThrownBy(() -> OAuthJwtConfig.from(TestConfig.of(values)))
                        .isInstanceOf(InvalidConfigurationException.class);
            }
        }

        private Secured securedWithScope(String scope) {
            return new Secured() {
                @Override
                public Class<? extends java.lang.annotation.Annotation> annotationType() {
                    return Secured.class;
                }

                @Override
                public String[] scopes() {
                    return new String[] {scope};
                }

                @Override
                public String[] anyScopes() {
                    return new String[0];
                }

                @Override
                public String[] claims() {
                    return new String[0];
                }

                @Override
                public String[] tenants() {
                    return new String[0];
                }
            };
        }
    }
}
