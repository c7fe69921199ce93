package dev.oauthjwt.jaxrs.internal.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP target URI that a DPoP proof's {@code htu} must name (RFC 9449 §4.3 step 9), compared in the normal form
 * of RFC 3986 §6.2.2–6.2.3: scheme and host in lower case, no default port, an empty path as {@code /}, percent
 * escapes of unreserved characters decoded and the others in upper case, dot segments removed. The path keeps its
 * case. A {@code htu} with a query, a fragment or user information never matches.
 *
 * <p>Scheme, host and port come from the request as the server received it, unless the deployment declares a trusted
 * reverse proxy: then the first {@code Forwarded} element's {@code proto} and {@code host} (RFC 7239), or else
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port}, replace them. The path is always
 * the request's.
 */
final class TargetUri {

    private TargetUri() {}

    /**
     * @param htu the proof's {@code htu} claim
     * @return its normal form, or empty when it is not an absolute http(s) URI without query, fragment or user info
     */
    static Optional<String> normalizedClaim(String htu) {
        try {
            URI uri = new URI(htu);
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return normalize(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * @param requestUri the absolute request URI as the server received it (any query is ignored)
     * @param headers the request's header values by name, for a trusted proxy
     * @param trustedProxy whether to read the proxy headers
     * @return the normal form of the target URI, or empty when the request names no usable host
     */
    static Optional<String> ofRequest(URI requestUri, Function<String, List<String>> headers, boolean trustedProxy) {
        String scheme = requestUri.getScheme();
        String host = requestUri.getHost();
        int port = requestUri.getPort();
        if (trustedProxy) {
            Forwarded forwarded = Forwarded.from(headers);
            if (forwarded.proto() != null) {
                scheme = forwarded.proto();
                port = -1;
            }
            if (forwarded.host() != null) {
                try {
                    URI authority = new URI("http://" + forwarded.host());
                    host = authority.getHost();
                    port = authority.getPort();
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
            }
            if (forwarded.port() != null) {
                port = forwarded.port();
            }
        }
        return normalize(scheme, host, port, requestUri.getRawPath());
    }

    private static Optional<String> normalize(String scheme, String host, int port, String rawPath) {
        if (scheme == null || host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return Optional.empty();
        }
        boolean defaultPort = port == -1 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        Optional<String> path = normalizePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        return path.map(p -> s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + p);
    }

    /** Percent escapes normalized (RFC 3986 §6.2.2.1–2), then dot segments removed (§5.2.4). */
    private static Optional<String> normalizePath(String rawPath) {
        StringBuilder path = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                path.append(c);
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                return Optional.empty();
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            char decoded = (char) (high * 16 + low);
            if (isUnreserved(decoded)) {
                path.append(decoded);
            } else {
                path.append('%')
                        .append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
            }
            i += 2;
        }
        return Optional.of(withoutDotSegments(path.toString()));
    }

    private static String withoutDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
