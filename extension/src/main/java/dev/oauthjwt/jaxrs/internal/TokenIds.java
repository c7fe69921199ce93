package dev.oauthjwt.jaxrs.internal;

import java.io.Serializable;
import java.util.Map;

/**
 * What the audit log may name of a token whose signature held: the {@code kid} of its header and its {@code iss},
 * {@code sub} and {@code jti} claims when they are strings ({@code null} otherwise). Nothing else of the token.
 *
 * @param kid the {@code kid}, or {@code null} when the token named none (or it is unknown)
 * @param iss the {@code iss} claim, or {@code null}
 * @param sub the {@code sub} claim, or {@code null}
 * @param jti the {@code jti} claim, or {@code null}
 */
public record TokenIds(String kid, String iss, String sub, String jti) implements Serializable {

    /**
     * @param kid the {@code kid} of the verifying key, or {@code null}
     * @param claims the verified claims
     * @return the identifiers of the token
     */
    public static TokenIds of(String kid, Map<String, Object> claims) {
        return new TokenIds(kid, text(claims.get("iss")), text(claims.get("sub")), text(claims.get("jti")));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
