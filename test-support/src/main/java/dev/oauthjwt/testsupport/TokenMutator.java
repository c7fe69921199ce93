package dev.oauthjwt.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile inputs for fuzzing: mutations of valid compact tokens (character edits, segment
 * surgery, JSON-aware edits of the decoded header and payload, padding and junk), random tokens, and random
 * {@code Authorization} header values. Deterministic for a given seed, so that a failure names a reproducible input.
 */
public final class TokenMutator {

    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String SPECIAL = "=.+/~!*%\"'\\{}[]:,; \t\r\n\u0000\u00a0\u2028é€\uD83D\uDE00";
    private static final String JSON_NOISE = "{}[]\":,0123456789.eE+-truefalsnul \\\u0000\u00ffé\uD800";
    private static final List<String> HOSTILE_HEADERS = List.of(
            "{\"alg\":\"none\"}",
            "{\"alg\":\"None\",\"kid\":\"k1\"}",
            "{\"alg\":\"HS256\",\"kid\":\"k1\"}",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",\"crit\":[]}",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",\"cty\":\"JWT\"}",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\"]}",
            "{\"alg\":[\"RS256\"]}",
            "{\"alg\":\"RS256\",\"kid\":123}",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",\"zip\":\"DEF\"}",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AA\"}}",
            "{\"alg\":\"RS256\",\"alg\":\"none\",\"kid\":\"k1\"}",
            "{\"alg\":\"PBES2-HS512+A256KW\",\"p2c\":2147483647}",
            "[]",
            "null",
            "{\"alg\":\"RS256\",\"kid\":\"k1\"}junk",
            "{\"alg\":\"RS256\",\"kid\":\"k1\",}");

    private final Random random;

    public TokenMutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One to three stacked mutations of {@code token}. The result may, rarely, equal the input. */
    public String mutate(String token) {
        String result = token;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            result = mutateOnce(result);
        }
        return result;
    }

    private String mutateOnce(String t) {
        if (t.isEmpty()) {
            return randomToken();
        }
        int pos = random.nextInt(t.length());
        String[] parts = t.split("\\.", -1);
        switch (random.nextInt(14)) {
            case 0:
                return t.substring(0, pos) + B64URL.charAt(random.nextInt(B64URL.length())) + t.substring(pos + 1);
            case 1:
                return t.substring(0, pos) + randomChar() + t.substring(pos);
            case 2:
                return t.substring(0, pos) + t.substring(Math.min(t.length(), pos + 1 + random.nextInt(8)));
            case 3: {
                char c = t.charAt(pos);
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return t.substring(0, pos) + flipped + t.substring(pos + 1);
            }
            case 4:
                return t
                        + List.of("=", "==", "===", ".", "..", " x", ",x", ";x", "=junk", "~")
                                .get(random.nextInt(10));
            case 5:
                return t.substring(0, pos);
            case 6:
                if (parts.length == 3) {
                    int a = random.nextInt(3);
                    int b = random.nextInt(3);
                    String tmp = parts[a];
                    parts[a] = parts[b];
                    parts[b] = tmp;
                    return String.join(".", parts);
                }
                return t + "." + t;
            case 7:
                if (parts.length >= 1) {
                    parts[random.nextInt(parts.length)] = randomB64(random.nextInt(64));
                    return String.join(".", parts);
                }
                return t;
            case 8:
                return jsonEdit(parts, 0, t);
            case 9:
                return jsonEdit(parts, 1, t);
            case 10:
                if (parts.length == 3) {
                    return b64(HOSTILE_HEADERS.get(random.nextInt(HOSTILE_HEADERS.size()))) + "." + parts[1] + "."
                            + (random.nextBoolean() ? parts[2] : "");
                }
                return t;
            case 11: {
                // standard-alphabet spelling or a lenient-decoder junk character inside the signature
                int dot = t.lastIndexOf('.');
                if (dot < 0 || dot == t.length() - 1) {
                    return t + "+";
                }
                int at = dot + 1 + random.nextInt(t.length() - dot - 1);
                String junk = List.of("+", "/", " ", "!", "*", "~", "=", "\n").get(random.nextInt(8));
                return t.substring(0, at) + junk + t.substring(at + (random.nextBoolean() ? 1 : 0));
            }
            case 12:
                // repeated blow-up: dots, padding, or a huge run
                return t.substring(0, pos)
                        + String.valueOf(List.of('.', '=', 'A').get(random.nextInt(3)))
                                .repeat(1 + random.nextInt(2_000))
                        + t.substring(pos);
            default:
                // change the last character only in its discarded pad bits, where possible
                if (parts.length == 3 && !parts[2].isEmpty()) {
                    String sig = parts[2];
                    char last = sig.charAt(sig.length() - 1);
                    int index = B64URL.indexOf(last);
                    if (index >= 0) {
                        parts[2] = sig.substring(0, sig.length() - 1) + B64URL.charAt(index ^ (1 + random.nextInt(3)));
                        return String.join(".", parts);
                    }
                }
                return t;
        }
    }

    /** Decodes header (0) or payload (1), edits the JSON text, and re-encodes it canonically. */
    private String jsonEdit(String[] parts, int segment, String fallback) {
        if (parts.length != 3) {
            return fallback;
        }
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(parts[segment]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        if (json.isEmpty()) {
            return fallback;
        }
        int pos = random.nextInt(json.length());
        String edited = switch (random.nextInt(6)) {
            case 0 ->
                json.substring(0, pos)
                        + JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()))
                        + json.substring(pos + 1);
            case 1 ->
                json.substring(0, pos) + JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length())) + json.substring(pos);
            case 2 -> json.substring(0, pos) + json.substring(Math.min(json.length(), pos + 1 + random.nextInt(6)));
            case 3 ->
                json.replaceFirst(
                        "\"(exp|iat|nbf)\":\\d+",
                        "\"$1\":"
                                + List.of(
                                                "1e400",
                                                "-1",
                                                "\"1\"",
                                                "null",
                                                "9223372036854775807",
                                                "18446744073709551621",
                                                "1.5",
                                                "[]")
                                        .get(random.nextInt(8)));
            case 4 ->
                json.replaceFirst(
                        "\"(iss|sub|aud|scope|kid|alg|typ)\":\"[^\"]*\"",
                        "\"$1\":"
                                + List.of("null", "1", "[]", "{}", "\"\"", "\"admin\"", "\"x\\u0000\"", "[\"api\",1]")
                                        .get(random.nextInt(8)));
            default ->
                json.substring(0, json.length() - 1) + ",\""
                        + json.substring(1, Math.min(json.length(), 6)).replace("\"", "") + "\":"
                        + "[".repeat(random.nextInt(40)) + "1" + "]".repeat(random.nextInt(40))
                        + "}";
        };
        parts[segment] = b64(edited);
        return String.join(".", parts);
    }

    /** A random token-shaped or token-less string. */
    public String randomToken() {
        switch (random.nextInt(5)) {
            case 0:
                return randomB64(random.nextInt(40)) + "." + randomB64(random.nextInt(200)) + "."
                        + randomB64(random.nextInt(400));
            case 1: {
                StringBuilder sb = new StringBuilder();
                int segments = random.nextInt(8);
                for (int i = 0; i < segments; i++) {
                    sb.append(randomB64(random.nextInt(30))).append(i < segments - 1 ? "." : "");
                }
                return sb.toString();
            }
            case 2:
                return b64(HOSTILE_HEADERS.get(random.nextInt(HOSTILE_HEADERS.size()))) + "."
                        + b64("{\"sub\":\"admin\",\"exp\":99999999999}") + "." + randomB64(random.nextInt(400));
            case 3:
                return randomString(random.nextInt(300));
            default:
                return b64(randomJsonish()) + "." + b64(randomJsonish()) + "." + randomB64(342);
        }
    }

    /** A random {@code Authorization} header value: schemes, separators and tokens, valid-looking or not. */
    public String randomAuthorization(String validToken) {
        String scheme = List.of(
                        "Bearer",
                        "bearer",
                        "BEARER",
                        "Bearer:",
                        "Basic",
                        "Bearerx",
                        "",
                        "Bearer\t",
                        "Bearer\u00a0",
                        "Token")
                .get(random.nextInt(10));
        String separator = List.of(" ", "  ", "", "\t", " \t", "=", ",").get(random.nextInt(7));
        String token = switch (random.nextInt(4)) {
            case 0 -> mutate(validToken);
            case 1 -> randomToken();
            case 2 ->
                validToken
                        + List.of(", Bearer " + validToken, " x", ",x", ";x", "", "=")
                                .get(random.nextInt(6));
            default -> randomString(random.nextInt(100));
        };
        return scheme + separator + token;
    }

    private String randomJsonish() {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.append(JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length())));
        }
        return sb.append(random.nextBoolean() ? "}" : "").toString();
    }

    private String randomChar() {
        return random.nextInt(3) == 0
                ? String.valueOf(SPECIAL.charAt(random.nextInt(SPECIAL.length())))
                : String.valueOf(B64URL.charAt(random.nextInt(B64URL.length())));
    }

    private String randomB64(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(B64URL.charAt(random.nextInt(B64URL.length())));
        }
        return sb.toString();
    }

    private String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(
                    random.nextInt(4) == 0
                            ? (char) random.nextInt(0x3000)
                            : randomChar().charAt(0));
        }
        return sb.toString();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
