package dev.oauthjwt.jaxrs.internal.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A rule that a claim must equal a value: written {@code name=value} in {@code @Secured(claims = …)}, or configured as
 * {@code oauth.jwt.claims.<name>=<value>}. Immutable.
 *
 * <p>A string claim matches the value exactly; a number claim matches a value that denotes the same number; a boolean
 * claim matches {@code true} or {@code false}; an array claim matches when one of its elements does. Any other claim
 * type, or an absent claim, never matches.
 */
public final class ClaimRule {

    private final String claim;
    private final String value;

    /**
     * @param claim the claim name, not blank
     * @param value the expected value
     */
    public ClaimRule(String claim, String value) {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("claim rule needs a claim name");
        }
        this.claim = claim;
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Parses {@code name=value}; the name is everything before the first {@code =}.
     *
     * @param rule the rule text
     * @return the rule
     * @throws IllegalArgumentException when the text has no {@code =} or an empty name
     */
    public static ClaimRule parse(String rule) {
        int eq = rule == null ? -1 : rule.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("claim rule '" + rule + "' is not of the form name=value");
        }
        return new ClaimRule(
                rule.substring(0, eq).trim(), rule.substring(eq + 1).trim());
    }

    /** @return the claim name */
    public String claim() {
        return claim;
    }

    /** @return the expected value */
    public String value() {
        return value;
    }

    /**
     * @param claimValue the claim's value as parsed from JSON, or {@code null} when absent
     * @return whether the claim satisfies this rule
     */
    public boolean matches(Object claimValue) {
        if (claimValue instanceof List<?> list) {
            return list.stream().anyMatch(this::matchesScalar);
        }
        return matchesScalar(claimValue);
    }

    private boolean matchesScalar(Object claimValue) {
        if (claimValue instanceof String s) {
            return s.equals(value);
        }
        if (claimValue instanceof Boolean b) {
            return value.equals(b.toString());
        }
        if (claimValue instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(value)) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimRule other && claim.equals(other.claim) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, value);
    }

    @Override
    public String toString() {
        return claim + "=" + value;
    }
}
