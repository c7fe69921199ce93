package dev.oauthjwt.jaxrs.internal.token;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/** Token verification: signature, algorithm, key selection, JOSE header and claims (catalogue sections C and D). */
class TokenValidatorTest {

    static JwksEndpoint jwks;
    static TestKeys rsa;
    static TestKeys ec;
    static TestKeys attacker;
    TokenValidator validator;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("rsa-1");
        ec = TestKeys.ec("ec-1", "P-256");
        attacker = TestKeys.rsa("rsa-1");
        jwks = AuthorizationServerStub.start().jwks();
    }

    @AfterAll
    static void stop() {
        jwks.stub().close();
    }

    @BeforeEach
    void newValidator() {
        jwks.publish(rsa, ec);
        validator = ValidatorFixture.validator(jwks, Map.of());
    }

    @AfterEach
    void close() {
        validator.close();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    @Nested
    class Signatures {

        @Test
        void acceptsValidRs256Token() {
            VerifiedToken principal = accepted(validator, Tokens.valid(rsa).sign());
            assertThat(principal.getName()).isEqualTo("alice");
            assertThat(principal.getScopes()).containsExactly("read", "write");
            assertThat(principal.getGroups()).containsExactly("users");
            assertThat(principal.getAudience()).containsExactly("api");
            assertThat(principal.getIssuer()).isEqualTo(Tokens.ISSUER);
            assertThat(principal.getStringClaim("role")).contains("admin");
        }

        @Test
        void acceptsValidEs256Token() {
            assertThat(accepted(validator, Tokens.valid(ec).sign()).getName()).isEqualTo("alice");
        }

        @Test
        void acceptsPs256TokenSignedWithRsaKey() {
            accepted(validator, Tokens.valid(rsa).alg("PS256").sign());
        }

        @Test
        void rejectsTamperedPayloadWithOriginalSignature_C38() {
            String token = Tokens.valid(rsa).sign();
            String forged = Tokens.rawWithSignatureOf(
                    token,
                    Tokens.valid(rsa).headerJson(),
                    Tokens.valid(rsa).claim("sub", "admin").claimsJson());
            assertRejected(validator, forged, Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsTokenSignedByAttackerKeyUnderRealKid_C40() {
            assertRejected(validator, Tokens.valid(rsa).signWith(attacker), Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsTokenWhoseKidNamesAnotherPublishedKey_C59() {
            TestKeys second = TestKeys.rsa("rsa-2");
            jwks.publish(rsa, second);
            assertRejected(validator, Tokens.valid(rsa).header("kid", "rsa-2").sign(), Failure.UNVERIFIABLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE", "nOnE", "none "})
        void rejectsUnsecuredTokenInEverySpelling_C36_C37(String alg) {
            String header = "{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}";
            String claims = Tokens.valid(rsa).claim("sub", "admin").claimsJson();
            assertRejected(validator, Tokens.b64(header) + "." + Tokens.b64(claims) + ".", Failure.MALFORMED_TOKEN);
            assertRejected(validator, Tokens.b64(header) + "." + Tokens.b64(claims) + ".c2ln", Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsHmacTokenKeyedWithThePublicKey_C41() throws Exception {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(Tokens.valid(rsa).claimsJson());
            jws.setAlgorithmHeaderValue("HS256");
            jws.setKeyIdHeaderValue("rsa-1");
            jws.setKey(new HmacKey(rsa.pair().getPublic().getEncoded()));
            assertRejected(validator, jws.getCompactSerialization(), Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsValidSignatureWithAlgorithmOutsideTheAllowlist_C44() {
            TokenValidator onlyRs256 = ValidatorFixture.validator(jwks, Map.of("oauth.jwt.algorithms", "RS256"));
            try {
                assertRejected(onlyRs256, Tokens.valid(rsa).alg("PS256").sign(), Failure.UNVERIFIABLE);
                assertRejected(onlyRs256, Tokens.valid(ec).sign(), Failure.UNVERIFIABLE);
                accepted(onlyRs256, Tokens.valid(rsa).sign());
            } finally {
                onlyRs256.close();
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "\"alg\":null,",
                    "\"alg\":\"\",",
                    "\"alg\":\"RS256 \",",
                    "\"alg\":\"rs256\",",
                    "\"alg\":[\"RS256\"],",
                    "\"alg\":256,",
                    "\"alg\":{\"x\":1},"
                })
        void rejectsMissingOrMistypedAlg_C45(String algMember) {
            String token = Tokens.valid(rsa).sign();
            String header = "{" + algMember + "\"kid\":\"rsa-1\"}";
            assertRejected(
                    validator,
                    Tokens.rawWithSignatureOf(token, header, Tokens.valid(rsa).claimsJson()),
                    Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsAlgorithmThatDoesNotFitTheKeyType_C46() {
            assertRejected(validator, Tokens.valid(ec).header("kid", "rsa-1").sign(), Failure.UNVERIFIABLE);
            assertRejected(validator, Tokens.valid(rsa).header("kid", "ec-1").sign(), Failure.UNVERIFIABLE);
            assertRejected(validator, Tokens.valid(ec).alg("ES384").sign(), Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsJwkWhoseAlgDiffersFromTheToken_C46_G137() {
            Map<String, Object> jwk = rsa.publicJwk();
            jwk.put("alg", "RS256");
            jwks.publishJwks(List.of(jwk));
            assertRejected(validator, Tokens.valid(rsa).alg("PS256").sign(), Failure.UNVERIFIABLE);
            accepted(validator, Tokens.valid(rsa).sign());
        }

        @Test
        void neverUsesKeyEmbeddedInTheHeader_C52() {
            Map<String, Object> attackerJwk = attacker.publicJwk();
            assertRejected(
                    validator, Tokens.valid(attacker).header("jwk", attackerJwk).sign(), Failure.UNVERIFIABLE);
            assertRejected(
                    validator,
                    Tokens.valid(attacker)
                            .header("kid", null)
                            .header("jwk", attackerJwk)
                            .sign(),
                    Failure.UNVERIFIABLE);
        }

        @Test
        void neverFetchesJkuOrX5uFromTheHeader_C53_C54() {
            try (AuthorizationServerStub canaryServer = AuthorizationServerStub.start()) {
                JwksEndpoint canary = canaryServer.jwks();
                TestKeys rogue = TestKeys.rsa("rogue");
                canary.publish(rogue);
                assertRejected(
                        validator,
                        Tokens.valid(rogue)
                                .header("jku", canary.uri().toString())
                                .sign(),
                        Failure.UNVERIFIABLE);
                assertRejected(
                        validator,
                        Tokens.valid(rogue)
                                .header("x5u", canary.uri().toString())
                                .sign(),
                        Failure.UNVERIFIABLE);
                assertThat(canary.requestCount()).isZero();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"123", "[]", "{}", "true"})
        void rejectsNonStringKid_C57(String kid) {
            String token = Tokens.valid(rsa).sign();
            String header = "{\"alg\":\"RS256\",\"kid\":" + kid + "}";
            assertRejected(
                    validator,
                    Tokens.rawWithSignatureOf(token, header, Tokens.valid(rsa).claimsJson()),
                    Failure.MALFORMED_TOKEN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"RSA-1", "rsa-1 ", " rsa-1", "", "../../../../dev/null", "x' UNION SELECT '1';--"})
        void treatsKidAsAnExactCaseSensitiveName_C55_C56_C58(String kid) {
            assertRejected(validator, Tokens.valid(rsa).header("kid", kid).sign(), Failure.UNVERIFIABLE);
        }

        @Test
        void rejectsKidlessTokenWhenTheJwksHoldsSeveralKeysWithoutRefetching_C60() {
            accepted(validator, Tokens.valid(rsa).sign());
            int fetches = jwks.requestCount();
            for (int i = 0; i < 20; i++) {
                assertRejected(validator, Tokens.valid(rsa).header("kid", null).sign(), Failure.UNVERIFIABLE);
            }
            assertThat(jwks.requestCount()).isEqualTo(fetches);
        }

        @Test
        void acceptsKidlessTokenWhenTheJwksHoldsOneFittingKey_C61() {
            Map<String, Object> jwk = rsa.publicJwk();
            jwk.remove("kid");
            jwks.publishJwks(List.of(jwk));
            accepted(validator, Tokens.valid(rsa).header("kid", null).sign());
            assertRejected(validator, Tokens.valid(ec).header("kid", null).sign(), Failure.UNVERIFIABLE);
        }
    }

    @Nested
    class Header {

        @ParameterizedTest
        @ValueSource(strings = {"[\"exp\"]", "[]", "\"b64\"", "[\"alg\"]", "[\"x\"]", "[1]"})
        void rejectsAnyCritHeader_C62_C63(String crit) {
            String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":" + crit + ",\"exp\":1,\"x\":1}";
            assertRejected(
                    validator, Tokens.signRaw(header, Tokens.valid(rsa).claimsJson(), rsa), Failure.UNSUPPORTED_HEADER);
        }

        @Test
        void rejectsUnencodedPayloadOption_C64() {
            String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false}";
            assertRejected(
                    validator, Tokens.signRaw(header, Tokens.valid(rsa).claimsJson(), rsa), Failure.UNSUPPORTED_HEADER);
        }

        @Test
        void rejectsCompressedPayload_C65() {
            assertRejected(validator, Tokens.valid(rsa).header("zip", "DEF").sign(), Failure.UNSUPPORTED_HEADER);
        }

        @Test
        void rejectsNestedTokens_B35_C66() {
            String inner = Tokens.valid(rsa).sign();
            String nested =
                    Tokens.signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"cty\":\"JWT\"}", "\"" + inner + "\"", rsa);
            assertRejected(validator, nested, Failure.MALFORMED_TOKEN);
            String typedNested = Tokens.signRaw(
                    "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"cty\":\"JWT\"}",
                    Tokens.valid(rsa).claimsJson(),
                    rsa);
            assertRejected(validator, typedNested, Failure.UNSUPPORTED_HEADER);
            String liberal = Tokens.signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", "\"" + inner + "\"", rsa);
            assertRejected(validator, liberal, Failure.MALFORMED_TOKEN);
        }

        @Test
        void rejectsDuplicateHeaderMembers_C68() {
            String claims = Tokens.valid(rsa).claimsJson();
            assertRejected(
                    validator,
                    Tokens.signRaw("{\"alg\":\"RS256\",\"alg\":\"none\",\"kid\":\"rsa-1\"}", claims, rsa),
                    Failure.MALFORMED_TOKEN);
            assertRejected(
                    validator,
                    Tokens.signRaw("{\"alg\":\"RS256\",\"\\u0061lg\":\"RS256\",\"kid\":\"rsa-1\"}", claims, rsa),
                    Failure.MALFORMED_TOKEN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"JWT", "at+jwt", "application/at+jwt", "AT+JWT", "Application/AT+JWT"})
        void acceptsAccessTokenAndGenericJwtTypes_C69(String typ) {
            accepted(validator, Tokens.valid(rsa).header("typ", typ).sign());
        }

        @Test
        void acceptsTokenWithoutTyp_C69() {
            accepted(validator, Tokens.valid(rsa).header("typ", null).sign());
        }

        @ParameterizedTest
        @ValueSource(strings = {"at+jwt; x=y", "id_token+jwt", "JOSE", "secevent+jwt", ""})
        void rejectsOtherTypes_C69(String typ) {
            assertRejected(validator, Tokens.valid(rsa).header("typ", typ).sign(), Failure.WRONG_TYPE);
        }

        @Test
        void rejectsNonStringTyp_C69() {
            assertRejected(validator, Tokens.valid(rsa).header("typ", 1).sign(), Failure.WRONG_TYPE);
        }

        @Test
        void ignoresUnknownNonCriticalHeaderParameters_C75() {
            accepted(
                    validator,
                    Tokens.valid(rsa)
                            .header("foo", "bar")
                            .header("jwk_url", "http://x")
                            .sign());
        }
    }

    @Nested
    class Claims {

        @Test
        void rejectsTokenWithoutExp_D76() {
            assertRejected(validator, Tokens.valid(rsa).claim("exp", null).sign(), Failure.MISSING_CLAIM);
        }

        @Test
        void rejectsExpiredToken_D77() {
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now() - 600)
                            .claim("exp", now() - 61)
                            .sign(),
                    Failure.EXPIRED);
        }

        @Test
        void honoursTheClockSkewAtTheExpiryBoundary_D78() {
            accepted(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now() - 600)
                            .claim("exp", now() - 55)
                            .sign());
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now() - 600)
                            .claim("exp", now() - 60)
                            .sign(),
                    Failure.EXPIRED);
            TokenValidator noSkew = ValidatorFixture.validator(jwks, Map.of("oauth.jwt.clock-skew", "0"));
            try {
                assertThat(rejection(
                                noSkew,
                                Tokens.valid(rsa)
                                        .claim("iat", now() - 60)
                                        .claim("exp", now())
                                        .sign()))
                        .isEqualTo(Failure.EXPIRED);
                accepted(
                        noSkew,
                        Tokens.valid(rsa)
                                .claim("iat", now() - 60)
                                .claim("exp", now() + 3)
                                .sign());
            } finally {
                noSkew.close();
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"9999999999\"",
                    "true",
                    "[]",
                    "{}",
                    "0",
                    "-5",
                    "1e300",
                    "1e400",
                    "18446744073709551621",
                    "9223372036854775807.5"
                })
        void rejectsExpThatIsNotAPositiveNumericDate_D79_D81_D82(String exp) {
            String claims =
                    Tokens.valid(rsa).claim("exp", null).claimsJson().replaceFirst("\\{", "{\"exp\":" + exp + ",");
            assertThat(rejection(validator, Tokens.signRaw(Tokens.valid(rsa).headerJson(), claims, rsa)))
                    .isEqualTo(Failure.INVALID_CLAIM);
        }

        @Test
        void treatsNullExpAsMissing_D79() {
            assertRejected(validator, Tokens.valid(rsa).nullClaim("exp").sign(), Failure.MISSING_CLAIM);
        }

        @Test
        void rejectsTokenLivingLongerThanTheMaximumLifetime_D83() {
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("exp", now() + 10L * 365 * 24 * 3600)
                            .sign(),
                    Failure.LIFETIME_TOO_LONG);
            assertRejected(
                    validator, Tokens.valid(rsa).claim("exp", Long.MAX_VALUE).sign(), Failure.LIFETIME_TOO_LONG);
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now() - 25 * 3600)
                            .claim("exp", now() + 60)
                            .sign(),
                    Failure.LIFETIME_TOO_LONG);
            TokenValidator shortLived =
                    ValidatorFixture.validator(jwks, Map.of("oauth.jwt.max-token-lifetime", "PT5M"));
            try {
                assertRejected(
                        shortLived, Tokens.valid(rsa).claim("exp", now() + 600).sign(), Failure.LIFETIME_TOO_LONG);
                accepted(shortLived, Tokens.valid(rsa).claim("exp", now() + 240).sign());
            } finally {
                shortLived.close();
            }
        }

        @Test
        void rejectsTokenNotYetValid_D84() {
            assertRejected(
                    validator, Tokens.valid(rsa).claim("nbf", now() + 60 + 10).sign(), Failure.NOT_YET_VALID);
            accepted(validator, Tokens.valid(rsa).claim("nbf", now() + 60 - 5).sign());
            assertRejected(validator, Tokens.valid(rsa).claim("nbf", "soon").sign(), Failure.INVALID_CLAIM);
        }

        @Test
        void rejectsTokenIssuedInTheFuture_D85() {
            assertRejected(
                    validator,
                    Tokens.valid(rsa)
                            .claim("iat", now() + 3600)
                            .claim("exp", now() + 7200)
                            .sign(),
                    Failure.NOT_YET_VALID);
        }

        @Test
        void rejectsMissingOrInconsistentIat_D86() {
            assertThat(rejection(validator, Tokens.valid(rsa).claim("iat", null).sign()))
                    .isEqualTo(Failure.MISSING_CLAIM);
            assertThat(rejection(
                            validator,
                            Tokens.valid(rsa).claim("iat", now() + 400).sign()))
                    .isEqualTo(Failure.INVALID_CLAIM);
        }

        @Test
        void rejectsMissingIssuer_D88() {
            assertThat(rejection(validator, Tokens.valid(rsa).claim("iss", null).sign()))
                    .isEqualTo(Failure.WRONG_ISSUER);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://as.example.test/",
                    "HTTPS://AS.EXAMPLE.TEST",
                    "https://as.example.test:443",
                    " https://as.example.test",
                    "https://as.example.test/realms/other",
                    "https://аs.example.test"
                })
        void comparesIssuerByteForByte_D89(String issuer) {
            assertThat(rejection(
                            validator, Tokens.valid(rsa).claim("iss", issuer).sign()))
                    .isEqualTo(Failure.WRONG_ISSUER);
        }

        @Test
        void rejectsIssuerOfWrongType_D90() {
            assertThat(rejection(
                            validator,
                            Tokens.valid(rsa)
                                    .claim("iss", List.of(Tokens.ISSUER))
                                    .sign()))
                    .isEqualTo(Failure.INVALID_CLAIM);
        }

        @Test
        void acceptsAudienceAsStringOrArrayContainingIt_D91() {
            accepted(validator, Tokens.valid(rsa).claim("aud", "api").sign());
            accepted(validator, Tokens.valid(rsa).claim("aud", List.of("api")).sign());
            accepted(
                    validator,
                    Tokens.valid(rsa).claim("aud", List.of("other", "api")).sign());
        }

        @Test
        void rejectsMissingOrEmptyAudience_D92() {
            assertThat(rejection(validator, Tokens.valid(rsa).claim("aud", null).sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
            assertThat(rejection(
                            validator, Tokens.valid(rsa).claim("aud", List.of()).sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
            assertThat(rejection(validator, Tokens.valid(rsa).claim("aud", "").sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
            assertThat(rejection(validator, Tokens.valid(rsa).nullClaim("aud").sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"other", "API", "api ", "ap", "api other", "api.evil"})
        void matchesAudienceExactly_D93(String aud) {
            assertThat(rejection(validator, Tokens.valid(rsa).claim("aud", aud).sign()))
                    .isEqualTo(Failure.WRONG_AUDIENCE);
        }

        @Test
        void rejectsAudienceWithNonStringElements_D94() {
            assertThat(rejection(
                            validator,
                            Tokens.valid(rsa).claim("aud", List.of(1L, "api")).sign()))
                    .isEqualTo(Failure.INVALID_CLAIM);
            assertThat(rejection(
                            validator,
                            Tokens.valid(rsa)
                                    .claim("aud", List.of(List.of("api")))
                                    .sign()))
                    .isEqualTo(Failure.INVALID_CLAIM);
            assertThat(rejection(
                            validator,
                            Tokens.valid(rsa).claim("aud", Map.of("api", true)).sign()))
                    .isEqualTo(Failure.INVALID_CLAIM);
        }

        @Test
        void rejectsRequiredClaimsThatAreMissingNullOrEmpty_D96_D97() {
            TokenValidator strict =
                    ValidatorFixture.validator(jwks, Map.of("oauth.jwt.required-claims", "jti, client_id"));
            try {
                accepted(
                        strict,
                        Tokens.valid(rsa)
                                .claim("jti", "1")
                                .claim("client_id", "c")
                                .sign());
                assertRejected(strict, Tokens.valid(rsa).claim("jti", "1").sign(), Failure.MISSING_CLAIM);
                assertRejected(
                        strict,
                        Tokens.valid(rsa)
                                .nullClaim("jti")
                                .claim("client_id", "c")
                                .sign(),
                        Failure.MISSING_CLAIM);
                assertRejected(
                        strict,
                        Tokens.valid(rsa)
                                .claim("jti", "")
                                .claim("client_id", "c")
                                .sign(),
                        Failure.MISSING_CLAIM);
            } finally {
                strict.close();
            }
        }

        @Test
        void rejectsMissingEmptyOrNonStringSubject_D98() {
            assertRejected(validator, Tokens.valid(rsa).claim("sub", null).sign(), Failure.MISSING_CLAIM);
            assertRejected(validator, Tokens.valid(rsa).claim("sub", "").sign(), Failure.MISSING_CLAIM);
            assertRejected(validator, Tokens.valid(rsa).claim("sub", 42L).sign(), Failure.MISSING_CLAIM);
            assertRejected(
                    validator,
                    Tokens.valid(rsa).claim("sub", Map.of("id", "admin")).sign(),
                    Failure.MISSING_CLAIM);
        }

        @Test
        void readsThePrincipalFromTheConfiguredClaim() {
            TokenValidator byName =
                    ValidatorFixture.validator(jwks, Map.of("oauth.jwt.principal-claim", "preferred_username"));
            try {
                assertThat(accepted(
                                        byName,
                                        Tokens.valid(rsa)
                                                .claim("preferred_username", "bob")
                                                .sign())
                                .getName())
                        .isEqualTo("bob");
            } finally {
                byName.close();
            }
        }

        @Test
        void rejectsDuplicateClaims_D99() {
            String claims = Tokens.valid(rsa).claimsJson().replaceFirst("\\{", "{\"sub\":\"admin\",");
            assertRejected(
                    validator, Tokens.signRaw(Tokens.valid(rsa).headerJson(), claims, rsa), Failure.MALFORMED_TOKEN);
        }

        @Test
        void rejectsScopeClaimThatIsNotAString_D100() {
            assertRejected(
                    validator,
                    Tokens.valid(rsa).claim("scope", List.of("admin")).sign(),
                    Failure.INVALID_CLAIM);
            assertRejected(validator, Tokens.valid(rsa).claim("scp", 1L).sign(), Failure.INVALID_CLAIM);
            assertRejected(
                    validator, Tokens.valid(rsa).claim("scp", List.of("a", 1L)).sign(), Failure.INVALID_CLAIM);
        }

        @Test
        void readsScpAsAnArrayOrASpaceSeparatedString_E111() {
            assertThat(accepted(
                                    validator,
                                    Tokens.valid(rsa)
                                            .claim("scope", null)
                                            .claim("scp", "User.Read Mail.Read")
                                            .sign())
                            .getScopes())
                    .containsExactly("User.Read", "Mail.Read");
            assertThat(accepted(
                                    validator,
                                    Tokens.valid(rsa)
                                            .claim("scope", null)
                                            .claim("scp", List.of("a", "b"))
                                            .sign())
                            .getScopes())
                    .containsExactly("a", "b");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"x\"", "1", "null"})
        void rejectsSignedPayloadThatIsNotAJsonObject_B34(String payload) {
            assertRejected(
                    validator, Tokens.signRaw(Tokens.valid(rsa).headerJson(), payload, rsa), Failure.MALFORMED_TOKEN);
        }
    }

    @Nested
    class JwksKeys {

        @Test
        void neverUsesEncryptionKeysOrKeysWithoutVerifyOperation_G136() {
            Map<String, Object> enc = rsa.publicJwk();
            enc.put("use", "enc");
            jwks.publishJwks(List.of(enc, ec.publicJwk()));
            assertRejected(validator, Tokens.valid(rsa).sign(), Failure.UNVERIFIABLE);

            TokenValidator second = ValidatorFixture.validator(jwks, Map.of());
            try {
                Map<String, Object> wrap = rsa.publicJwk();
                wrap.put("key_ops", List.of("wrapKey"));
                jwks.publishJwks(List.of(wrap, ec.publicJwk()));
                assertRejected(second, Tokens.valid(rsa).sign(), Failure.UNVERIFIABLE);
            } finally {
                second.close();
            }
        }

        @Test
        void neverUsesSymmetricKeysFromTheJwks_G138() throws Exception {
            jwks.publishJwks(List.of(
                    Map.of("kty", "oct", "kid", "k1", "k", Tokens.b64("0123456789abcdef0123456789abcdef")),
                    rsa.publicJwk()));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(Tokens.valid(rsa).claimsJson());
            jws.setAlgorithmHeaderValue("HS256");
            jws.setKeyIdHeaderValue("k1");
            jws.setKey(new HmacKey("0123456789abcdef0123456789abcdef".getBytes()));
            assertRejected(validator, jws.getCompactSerialization(), Failure.UNVERIFIABLE);
            assertRejected(validator, Tokens.valid(rsa).header("kid", "k1").sign(), Failure.UNVERIFIABLE);
        }

        @Test
        void refusesRsaKeysShorterThan2048Bits_G140() {
            TestKeys weak = TestKeys.rsa("weak", 1024);
            jwks.publish(weak, rsa);
            assertRejected(validator, Tokens.valid(weak).sign(), Failure.UNVERIFIABLE);
            accepted(validator, Tokens.valid(rsa).sign());
        }

        @Test
        void refusesEcKeyOnTheWrongCurveForTheAlgorithm_G142() {
            TestKeys p384 = TestKeys.ec("ec-384", "P-384");
            jwks.publish(p384);
            assertRejected(validator, Tokens.valid(p384).alg("ES256").sign(), Failure.UNVERIFIABLE);
        }

        @Test
        void acceptsEs384TokenWithP384Key() {
            TestKeys p384 = TestKeys.ec("ec-384", "P-384");
            jwks.publish(p384);
            String token = Tokens.valid(p384).alg("ES384").sign();
            accepted(validator, token);
        }
    }
}
