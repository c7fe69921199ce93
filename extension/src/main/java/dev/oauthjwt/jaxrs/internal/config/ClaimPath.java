package dev.oauthjwt.jaxrs.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path to a claim that may be nested in JSON objects, as written in {@code oauth.jwt.roles-claim}: segments
 * separated by {@code /} ({@code realm_access/roles}), a segment in double quotes may contain {@code /}, {@code .} and
 * {@code ,} ({@code "https://example.com/roles"}). There is no escape: a claim name containing {@code "} cannot be
 * named. Several paths are separated by commas outside quotes.
 *
 * @param segments the member names from the top-level claim down, at least one, none empty
 */
public record ClaimPath(List<String> segments) {

    /** More is never needed by a real Authorization Server and keeps the walk bounded. */
    static final int MAX_SEGMENTS = 8;

    static final int MAX_PATHS = 16;

    public ClaimPath {
        segments = List.copyOf(segments);
    }

    /** @return a one-segment path naming a top-level claim */
    public static ClaimPath of(String claim) {
        return new ClaimPath(List.of(claim));
    }

    /**
     * @param list a comma-separated list of paths
     * @return the paths, in order
     * @throws IllegalArgumentException naming what is wrong (never quoting the input)
     */
    public static List<ClaimPath> parseList(String list) {
        List<ClaimPath> paths = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String text = list.trim();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else if (i == text.length()) {
                    throw new IllegalArgumentException("has a quoted segment without its closing quote");
                } else {
                    segment.append(c);
                }
            } else if (c == '"') {
                if (!segment.toString().isBlank() || wasQuoted) {
                    throw new IllegalArgumentException("has a quote inside a segment: quote whole segments only");
                }
                segment.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == '/' || c == ',') {
                String name =
                        wasQuoted ? segment.toString() : segment.toString().trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("has an empty claim name: write a/b/c or \"a/b\"/c");
                }
                segments.add(name);
                segment.setLength(0);
                wasQuoted = false;
                if (c == ',') {
                    paths.add(bounded(segments));
                    segments.clear();
                }
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new IllegalArgumentException("has text after a quoted segment: separate segments with /");
            } else if (!wasQuoted) {
                segment.append(c);
            }
        }
        if (paths.size() > MAX_PATHS) {
            throw new IllegalArgumentException("lists more than " + MAX_PATHS + " claim paths");
        }
        return paths;
    }

    private static ClaimPath bounded(List<String> segments) {
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("has a claim path deeper than " + MAX_SEGMENTS + " segments");
        }
        return new ClaimPath(segments);
    }

    /**
     * @param claims the claims of a token, as the strict JSON parser returned them
     * @return the value at this path, or {@code null} when a member is missing or not an object on the way
     */
    public Object read(Map<String, Object> claims) {
        Object current = claims;
        for (String name : segments) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(name);
        }
        return current;
    }

    /** @return the path as it would be configured, segments quoted where needed */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String name : segments) {
            if (text.length() > 0) {
                text.append('/');
            }
            boolean quote = name.contains("/") || name.contains(",") || !name.equals(name.trim());
            text.append(quote ? "\"" + name + "\"" : name);
        }
        return text.toString();
    }
}
