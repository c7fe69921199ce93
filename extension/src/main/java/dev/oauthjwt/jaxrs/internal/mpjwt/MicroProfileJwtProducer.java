package dev.oauthjwt.jaxrs.internal.mpjwt;

import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces MicroProfile JWT's injectable types from the token the request's {@code @Secured} filter verified:
 * {@code @Inject JsonWebToken} (request scoped; without a verified token, an empty token) and {@code @Inject @Claim}
 * of the types of MicroProfile JWT 2.1 §7.1. Raw claim values are read when the bean is created; a
 * {@code ClaimValue} reads the current request's token at each {@code getValue()}.
 *
 * <p>Every producer is an alternative with priority {@value #PRIORITY}, so it wins over the same beans of a server's
 * built-in MP-JWT or of smallrye-jwt's CDI classes found in the application; see the package description.
 */
@Alternative
@Priority(MicroProfileJwtProducer.PRIORITY)
@Dependent
public class MicroProfileJwtProducer {

    /** Above smallrye-jwt's {@code PrincipalProducer} (1) and the platform range (1000-3999) of servers' beans. */
    static final int PRIORITY = 4000;

    @Inject
    AccessTokenHolder holder;

    /** @return the request's verified token, or the empty token */
    JsonWebToken current() {
        return holder.find().map(JsonWebToken.class::cast).orElse(EmptyJsonWebToken.INSTANCE);
    }

    @Produces
    @Alternative
    @RequestScoped
    @Typed(JsonWebToken.class)
    JsonWebToken jsonWebToken() {
        return current();
    }

    private Object claim(InjectionPoint injectionPoint) {
        return ClaimConverter.convert(current(), ClaimNames.of(injectionPoint), injectionPoint.getType());
    }

    @Produces
    @Alternative
    @Claim
    @Typed(String.class)
    String stringClaim(InjectionPoint injectionPoint) {
        return (String) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(Long.class)
    Long longClaim(InjectionPoint injectionPoint) {
        return (Long) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(Boolean.class)
    Boolean booleanClaim(InjectionPoint injectionPoint) {
        return (Boolean) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @SuppressWarnings("unchecked")
    @Typed(Set.class)
    Set<String> stringSetClaim(InjectionPoint injectionPoint) {
        return (Set<String>) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(JsonValue.class)
    JsonValue jsonValueClaim(InjectionPoint injectionPoint) {
        return (JsonValue) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(JsonString.class)
    JsonString jsonStringClaim(InjectionPoint injectionPoint) {
        return (JsonString) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(JsonNumber.class)
    JsonNumber jsonNumberClaim(InjectionPoint injectionPoint) {
        return (JsonNumber) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(JsonArray.class)
    JsonArray jsonArrayClaim(InjectionPoint injectionPoint) {
        return (JsonArray) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(JsonObject.class)
    JsonObject jsonObjectClaim(InjectionPoint injectionPoint) {
        return (JsonObject) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @SuppressWarnings("unchecked")
    @Typed(Optional.class)
    <T> Optional<T> optionalClaim(InjectionPoint injectionPoint) {
        return (Optional<T>) claim(injectionPoint);
    }

    @Produces
    @Alternative
    @Claim
    @Typed(ClaimValue.class)
    <T> ClaimValue<T> claimValue(InjectionPoint injectionPoint) {
        return new CurrentClaimValue<>(this, ClaimNames.of(injectionPoint), injectionPoint.getType());
    }
}
