package dev.oauthjwt.jaxrs.internal.metadata;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The protected-resource metadata document of RFC 9728 §2: {@code resource}, {@code authorization_servers} (the
 * trusted issuers), {@code scopes_supported} (when there are any), {@code bearer_methods_supported}
 * ({@code ["header"]}: tokens are accepted in the {@code Authorization} header only) and, unless DPoP is disabled,
 * {@code dpop_signing_alg_values_supported} and {@code dpop_bound_access_tokens_required}.
 */
final class ProtectedResourceMetadata {

    private ProtectedResourceMetadata() {}

    /**
     * @param resource the resource identifier
     * @param issuers the issuers whose tokens are accepted
     * @param scopes the scopes of the configuration and of the secured endpoints
     * @param dpopAlgorithms the DPoP proof algorithms, empty when DPoP is disabled
     * @param dpopRequired whether only DPoP-bound tokens are accepted
     * @return the JSON document
     */
    static String document(
            URI resource,
            Collection<String> issuers,
            Collection<String> scopes,
            List<String> dpopAlgorithms,
            boolean dpopRequired) {
        StringBuilder json = new StringBuilder("{\"resource\":");
        string(json, resource.toString());
        json.append(",\"authorization_servers\":");
        array(json, List.copyOf(issuers));
        TreeSet<String> sorted = new TreeSet<>(scopes);
        if (!sorted.isEmpty()) {
            json.append(",\"scopes_supported\":");
            array(json, List.copyOf(sorted));
        }
        json.append(",\"bearer_methods_supported\":[\"header\"]");
        if (!dpopAlgorithms.isEmpty()) {
            json.append(",\"dpop_signing_alg_values_supported\":");
            array(json, dpopAlgorithms);
            json.append(",\"dpop_bound_access_tokens_required\":").append(dpopRequired);
        }
        return json.append('}').toString();
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
