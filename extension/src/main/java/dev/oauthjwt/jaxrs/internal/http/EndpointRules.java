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
 * {@link Secured} annotation, and its {@link RoleRule}. Resolved once at deployment.
 *
 * @param scopes every scope the token must grant
 * @param anyScopes scopes of which the token must grant one; empty for no such rule
 * @param claimRules every claim rule that must hold
 * @param roleRule what {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} demand
 * @param tenants the tenants whose tokens are accepted; empty for all
 */
public record EndpointRules(
        Set<String> scopes, Set<String> anyScopes, List<ClaimRule> claimRules, RoleRule roleRule, Set<String> tenants) {

    public EndpointRules {
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        anyScopes = Collections.unmodifiableSet(new LinkedHashSet<>(anyScopes));
        claimRules = List.copyOf(claimRules);
        tenants = Set.copyOf(tenants);
    }

    /**
     * @param annotation the effective annotation of the method
     * @param where the method, named in error messages
     * @return the rules of the annotation alone, without a role rule
     * @throws IllegalStateException when a scope or claim rule of the annotation is malformed
     */
    public static EndpointRules of(Secured annotation, String where) {
        return of(annotation, RoleRule.NONE, where);
    }

    /**
     * @param annotation the effective annotation of the method
     * @param roleRule the method's role rule
     * @param where the method, named in error messages
     * @return the rules of the annotation alone
     * @throws IllegalStateException when a scope or claim rule of the annotation is malformed
     */
    static EndpointRules of(Secured annotation, RoleRule roleRule, String where) {
        List<ClaimRule> rules = new ArrayList<>();
        for (String rule : annotation.claims()) {
            try {
                rules.add(ClaimRule.parse(rule));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("@Secured on " + where + ": " + e.getMessage(), e);
            }
        }
        Set<String> tenants = new LinkedHashSet<>();
        for (String tenant : annotation.tenants()) {
            if (!tenant.isBlank()) {
                tenants.add(tenant.trim());
            }
        }
        return new EndpointRules(
                scopesOf(annotation.scopes(), where),
                scopesOf(annotation.anyScopes(), where),
                rules,
                roleRule,
                tenants);
    }

    private static Set<String> scopesOf(String[] elements, String where) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String element : elements) {
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
        return scopes;
    }

    /** @return these rules with the global ones of the configuration added */
    EndpointRules withGlobal(OAuthJwtConfig config) {
        Set<String> allScopes = new LinkedHashSet<>(config.scopes());
        allScopes.addAll(scopes);
        List<ClaimRule> allRules = new ArrayList<>(config.claimRules());
        allRules.addAll(claimRules);
        return new EndpointRules(allScopes, anyScopes, allRules, roleRule, tenants);
    }

    /**
     * The {@code scope} attribute of a 403 challenge (RFC 6750 §3): every required scope, then every alternative, so
     * that a token granting all of them satisfies the endpoint.
     *
     * @return the scopes to name, in order
     */
    Set<String> challengeScopes() {
        if (anyScopes.isEmpty()) {
            return scopes;
        }
        Set<String> all = new LinkedHashSet<>(scopes);
        all.addAll(anyScopes);
        return all;
    }

    /**
     * @param tenant the tenant of a verified token
     * @throws TokenRejectedException {@link Failure#WRONG_ISSUER} when this endpoint does not accept its tokens
     */
    void admitTenant(String tenant) throws TokenRejectedException {
        if (!tenants.isEmpty() && !tenants.contains(tenant)) {
            throw new TokenRejectedException(Failure.WRONG_ISSUER);
        }
    }

    /**
     * Evaluates every rule, whatever the outcome of the ones before, and reports the first failure in the order
     * deny-all, scopes, claim rules, roles.
     *
     * @throws TokenRejectedException a 403 {@link Failure}
     */
    void authorize(VerifiedToken principal) throws TokenRejectedException {
        Set<String> granted = principal.getScopes();
        boolean scopesGranted = granted.containsAll(scopes)
                && (anyScopes.isEmpty() || anyScopes.stream().anyMatch(granted::contains));
        boolean rulesHold = true;
        for (ClaimRule rule : claimRules) {
            rulesHold &= rule.matches(principal.claims().get(rule.claim()));
        }
        boolean roleHeld = roleRule.admits(principal.getGroups());
        if (roleRule.kind() == RoleRule.Kind.DENY_ALL) {
            throw new TokenRejectedException(Failure.ACCESS_DENIED);
        }
        if (!scopesGranted) {
            throw new TokenRejectedException(Failure.INSUFFICIENT_SCOPE);
        }
        if (!rulesHold) {
            throw new TokenRejectedException(Failure.CLAIM_RULE_FAILED);
        }
        if (!roleHeld) {
            throw new TokenRejectedException(Failure.ROLE_MISSING);
        }
    }
}
