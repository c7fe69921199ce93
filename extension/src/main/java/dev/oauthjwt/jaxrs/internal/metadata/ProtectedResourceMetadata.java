package dev.oauthjwt.jaxrs.internal.metadata;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The protected-resource metadata document of RFC 9728 §2: {@code resource}, {@code authorization_servers} (the
 * trusted issuers), {@code scopes_supported} (when there are any) and {@code bearer_methods_supported}
 * ({@code ["header"]}: tokens are accepted in the {@code Authorization} header only).
 */
final class ProtectedResourceMetadata {

    private ProtectedResourceMetadata() {
    }

    /**
     * @param resource the resource identifier
     * @param issuers the issuers whose tokens are accepted
     * @param scopes the scopes of the configuration and of the secured endpoints
     * @return the JSON document
     */
    static String document(URI resource, Collection<String> issuers, Collection<String> scopes) {
        StringBuilder json = new StringBuilder("{\"resource\":");
        string(json, resource.toString());
        json.append(",\"authorization_servers\":");
        array(json, List.copyOf(issuers));
        TreeSet<String> sorted = new TreeSet<>(scopes);
        if (!sorted.isEmpty()) {
            json.append(",\"scopes_supported\":");
            array(json, List.copyOf(sorted));
        }
        json.append(",\"bearer_methods_supported\":[\"header\"]}");
        return json.toString();
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
