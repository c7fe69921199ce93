package dev.oauthjwt.jaxrs.internal.mpjwt;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a claim, as {@link JsonWebToken#getClaim(String)} hands it out ({@code String}, {@code Boolean}, {@code Long}
 * for NumericDates, {@code Set<String>} for {@code aud} and {@code groups}, JSON-P otherwise), into the type of an
 * injection point, as MicroProfile JWT 2.1 §7.1 lists them. A claim that is absent, or whose JSON type does not fit,
 * reads as {@code null} (an empty {@code Optional}): nothing is coerced across types, except numbers and booleans to
 * their text for a {@code String}.
 */
final class ClaimConverter {

    private ClaimConverter() {}

    /**
     * @param token the request's token
     * @param name the claim name
     * @param type the injection point's type; {@code ClaimValue<T>} and {@code Optional<T>} are unwrapped
     * @return the value, or {@code null}
     */
    static Object convert(JsonWebToken token, String name, Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type argument = parameterized.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                return Optional.ofNullable(convert(token, name, argument));
            }
            if (raw == ClaimValue.class) {
                return convert(token, name, argument);
            }
            if (raw == Set.class) {
                return stringSet(token.getClaim(name));
            }
        }
        if (type == Optional.class) {
            return Optional.ofNullable(token.getClaim(name));
        }
        if (type == ClaimValue.class) {
            return token.getClaim(name);
        }
        return type instanceof Class<?> target ? as(token.getClaim(name), target) : null;
    }

    private static Object as(Object value, Class<?> target) {
        if (value == null) {
            return null;
        }
        if (target == String.class) {
            return value instanceof JsonString s
                    ? s.getString()
                    : value instanceof String || value instanceof Long || value instanceof Boolean
                            ? value.toString()
                            : value instanceof JsonNumber n ? n.toString() : null;
        }
        if (target == Long.class || target == long.class) {
            return value instanceof Long
                    ? value
                    : value instanceof JsonNumber n && n.isIntegral() ? Long.valueOf(n.longValue()) : null;
        }
        if (target == Boolean.class || target == boolean.class) {
            return value instanceof Boolean ? value : null;
        }
        if (JsonValue.class.isAssignableFrom(target)) {
            JsonValue json = json(value);
            return target.isInstance(json) ? json : null;
        }
        return target.isInstance(value) ? value : null;
    }

    private static Set<String> stringSet(Object value) {
        if (value instanceof Set<?> set) {
            @SuppressWarnings("unchecked")
            Set<String> strings = (Set<String>) set;
            return strings;
        }
        if (value instanceof JsonArray array) {
            Set<String> strings = new LinkedHashSet<>();
            for (JsonValue element : array) {
                if (element instanceof JsonString s) {
                    strings.add(s.getString());
                }
            }
            return Collections.unmodifiableSet(strings);
        }
        return value instanceof String s ? Set.of(s) : null;
    }

    private static JsonValue json(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Json.PROVIDER.createValue(s);
        }
        if (value instanceof Long l) {
            return Json.PROVIDER.createValue(l);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Set<?> set) {
            var array = Json.PROVIDER.createArrayBuilder();
            set.forEach(element -> array.add(String.valueOf(element)));
            return array.build();
        }
        return null;
    }

    /** Looked up once: every {@code JsonProvider.provider()} call scans the class path. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }
}
