package dev.oauthjwt.jaxrs.internal.token;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Converts parsed claim values to JSON-P values, as MicroProfile JWT hands out non-standard claims. Only called when
 * a resource asks for such a claim, so that verification itself never touches JSON-P.
 */
final class JsonValues {

    private JsonValues() {}

    static JsonValue of(Object value) {
        return convert(Provider.JSON, value);
    }

    private static JsonValue convert(JsonProvider json, Object value) {
        if (value instanceof String s) {
            return json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long l) {
            return json.createValue(l);
        }
        if (value instanceof BigDecimal d) {
            return json.createValue(d);
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = json.createArrayBuilder();
            list.forEach(element -> array.add(convert(json, element)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), convert(json, v)));
            return object.build();
        }
        return JsonValue.NULL;
    }

    /** Looked up once: every {@code JsonProvider.provider()} call scans the class path. */
    private static final class Provider {
        static final JsonProvider JSON = JsonProvider.provider();
    }
}
