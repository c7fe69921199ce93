package dev.oauthjwt.jaxrs.internal.dpop;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a reverse proxy says about the original request: the first element of {@code Forwarded} (RFC 7239 §4), or,
 * without that header, the first values of {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 * {@code X-Forwarded-Port}. Read only when the deployment declares a trusted proxy. Values that are not a plain
 * scheme, host or port are ignored.
 *
 * @param proto {@code http} or {@code https}, or {@code null}
 * @param host the host, with an optional port, or {@code null}
 * @param port the port, or {@code null}
 */
record Forwarded(String proto, String host, Integer port) {

    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    static Forwarded from(Function<String, List<String>> headers) {
        String forwarded = first(headers.apply("Forwarded"));
        if (forwarded != null) {
            String proto = null;
            String host = null;
            for (String pair : forwarded.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).trim());
                    proto = name.equals("proto") ? value : proto;
                    host = name.equals("host") ? value : host;
                }
            }
            return new Forwarded(scheme(proto), plainHost(host), null);
        }
        return new Forwarded(
                scheme(first(headers.apply("X-Forwarded-Proto"))),
                plainHost(first(headers.apply("X-Forwarded-Host"))),
                port(first(headers.apply("X-Forwarded-Port"))));
    }

    /** @return the first comma-separated element of the first value, trimmed, or {@code null} */
    private static String first(List<String> values) {
        if (values == null || values.isEmpty() || values.get(0) == null) {
            return null;
        }
        String value = values.get(0);
        int comma = value.indexOf(',');
        String element = (comma < 0 ? value : value.substring(0, comma)).trim();
        return element.isEmpty() ? null : element;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String scheme(String value) {
        String lower = value == null ? null : value.toLowerCase(Locale.ROOT);
        return "http".equals(lower) || "https".equals(lower) ? lower : null;
    }

    private static String plainHost(String value) {
        return value != null && value.length() <= 255 && HOST.matcher(value).matches() ? value : null;
    }

    private static Integer port(String value) {
        return value != null && value.matches("[0-9]{1,5}") && Integer.parseInt(value) <= 65535
                ? Integer.valueOf(value)
                : null;
    }
}
