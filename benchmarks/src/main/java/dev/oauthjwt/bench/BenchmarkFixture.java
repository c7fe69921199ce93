package dev.oauthjwt.bench;

import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The fixture of the in-process benchmarks, from the shared test support: an RSA 2048 and an EC P-256 key generated
 * at start, one typical access token signed by each, and their JWKS served on 127.0.0.1 (random port) by the
 * Authorization Server stub. Validators are built through the extension's public entry points only
 * ({@link OAuthJwtConfig#from}, {@link OAuthJwtProducer#create}). Nothing is persisted.
 */
public final class BenchmarkFixture implements AutoCloseable {

    public static final String ISSUER = Tokens.ISSUER;
    public static final String AUDIENCE = Tokens.AUDIENCE;

    public final TestKeys rsa = TestKeys.rsa("rsa-1");
    public final TestKeys ec = TestKeys.ec("ec-1", "P-256");
    public final String rsaToken = typicalToken(rsa);
    public final String ecToken = typicalToken(ec);
    private final AuthorizationServerStub server = AuthorizationServerStub.start();

    public BenchmarkFixture() {
        server.jwks().publish(rsa, ec);
    }

    /** A typical access token: about 20 minutes to live, issuer, audience, subject, jti, client, scopes, groups. */
    private static String typicalToken(TestKeys key) {
        return Tokens.valid(key)
                .expiresIn(1200)
                .claim("role", null)
                .claim("jti", "3f1c2a9e-7b1d-4c55-9a0e-5d2b8f6a1c11")
                .claim("client_id", "sample-client")
                .sign();
    }

    public String jwksUri() {
        return server.jwks().uri().toString();
    }

    /**
     * @param cacheSize {@code oauth.jwt.cache.max-size}, "0" for no validated-token cache
     * @return a validator of this fixture's issuer whose keys are already fetched (both tokens validated once)
     */
    public TokenValidator validator(String cacheSize) throws TokenRejectedException {
        Map<String, String> values = Map.of(
                "oauth.jwt.jwks-uri", jwksUri(),
                "oauth.jwt.issuer", ISSUER,
                "oauth.jwt.audience", AUDIENCE,
                "oauth.jwt.cache.max-size", cacheSize);
        TokenValidator validator = OAuthJwtProducer.create(
                OAuthJwtConfig.from(new SmallRyeConfigBuilder()
                        .withSources(new PropertiesConfigSource(values, "benchmark", 500))
                        .build()),
                Clock.systemUTC());
        validator.validate(rsaToken);
        validator.validate(ecToken);
        return validator;
    }

    /** @return smallrye-jwt's parser alone, checking issuer, audience and algorithm against a given key */
    public DefaultJWTParser smallryeParser() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(ISSUER);
        info.setExpectedAudience(Set.of(AUDIENCE));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        info.setRelaxVerificationKeyValidation(false);
        return new DefaultJWTParser(info);
    }

    @Override
    public void close() {
        server.close();
    }
}
