package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.Secured;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.ClaimRule;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorization rules of one secured resource method: the global scopes and claim rules plus those of its
 * {@link Secured} annotation. Resolved once at deployment.
 *
 * @param scopes every scope the token must grant
 * @param claimRules every claim rule that must hold
 * @param tenants the tenants whose tokens are accepted; empty for all
 */
public record EndpointRules(Set<String> scopes, List<ClaimRule> claimRules, Set<String> tenants) {

    public EndpointRules {
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        claimRules = List.copyOf(claimRules);
        tenants = Set.copyOf(tenants);
    }

    /**
     * @param annotation the effective annotation of the method
     * @param where the method, named in error messages
     * @return the rules of the annotation alone
     * @throws IllegalStateException when a scope or claim rule of the annotation is malformed
     */
    public static EndpointRules of(Secured annotation, String where) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String element : annotation.scopes()) {
            for (String scope : element.trim().split(" +")) {
                if (!scope.isEmpty()) {
                    if (!OAuthJwtConfig.isScopeToken(scope)) {
                        throw new IllegalStateException("@Secured on " + where
                                + " names a scope with a character outside RFC 6750's scope-token set");
                    }
                    scopes.add(scope);
                }
            }
        }
        List<ClaimRule> rules = new ArrayList<>();
        for (String rule : annotation.claims()) {
            try {
                rules.add(ClaimRule.parse(rule));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("@Secured on " + where + ": " + e.getMessage(), e);
            }
        }
        return new EndpointRules(scopes, rules, Set.of(annotation.tenants()));
    }

    /** @return these rules with the global ones of the configuration added */
    EndpointRules withGlobal(OAuthJwtConfig config) {
        Set<String> allScopes = new LinkedHashSet<>(config.scopes());
        allScopes.addAll(scopes);
        List<ClaimRule> allRules = new ArrayList<>(config.claimRules());
        allRules.addAll(claimRules);
        return new EndpointRules(allScopes, allRules, tenants);
    }

    /**
     * Evaluates every rule, whatever the outcome of the ones before; first whether the token's tenant is accepted.
     *
     * @param principal the verified token
     * @param tenant the name of its tenant
     * @throws TokenRejectedException {@link Failure#WRONG_ISSUER} for a token of a tenant this endpoint does not
     *     accept, {@link Failure#INSUFFICIENT_SCOPE} or {@link Failure#CLAIM_RULE_FAILED}
     */
    void authorize(VerifiedToken principal, String tenant) throws TokenRejectedException {
        if (!tenants.isEmpty() && !tenants.contains(tenant)) {
            throw new TokenRejectedException(Failure.WRONG_ISSUER);
        }
        boolean scopesGranted = principal.getScopes().containsAll(scopes);
        boolean rulesHold = true;
        for (ClaimRule rule : claimRules) {
            rulesHold &= rule.matches(principal.claims().get(rule.claim()));
        }
        if (!scopesGranted) {
            throw new TokenRejectedException(Failure.INSUFFICIENT_SCOPE);
        }
        if (!rulesHold) {
            throw new TokenRejectedException(Failure.CLAIM_RULE_FAILED);
        }
    }
}
