package dev.oauthjwt.jaxrs.internal.mpjwt;

import java.lang.reflect.Type;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * A {@link ClaimValue} that reads the claim from the token of the request in progress at each {@link #getValue()},
 * so that it may live in an application-scoped bean.
 *
 * @param <T> the claim's Java type
 */
final class CurrentClaimValue<T> implements ClaimValue<T> {

    private final MicroProfileJwtProducer tokens;
    private final String name;
    private final Type type;

    CurrentClaimValue(MicroProfileJwtProducer tokens, String name, Type type) {
        this.tokens = tokens;
        this.name = name;
        this.type = type;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getValue() {
        return (T) ClaimConverter.convert(tokens.current(), name, type);
    }

    @Override
    public String toString() {
        return "ClaimValue[" + name + "]";
    }
}
