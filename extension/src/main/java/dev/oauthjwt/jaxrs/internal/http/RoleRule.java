package dev.oauthjwt.jaxrs.internal.http;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The effect of {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} on one secured resource method.
 *
 * @param kind which annotation applies
 * @param roles for {@link Kind#ROLES_ALLOWED}, the roles of which the token must hold one; empty otherwise
 */
record RoleRule(Kind kind, Set<String> roles) {

    /** Which rule applies. */
    enum Kind {
        /** No role annotation: any verified token that passes the other rules. */
        NONE,
        /** {@code @PermitAll} (or {@code @RolesAllowed("**")}): any verified token that passes the other rules. */
        PERMIT_ALL,
        /** {@code @DenyAll} (or {@code @RolesAllowed({})}): no token. */
        DENY_ALL,
        /** {@code @RolesAllowed}: one of the roles. */
        ROLES_ALLOWED
    }

    /** Jakarta Servlet and Security's role name for "any authenticated caller". */
    static final String ANY_AUTHENTICATED = "**";

    static final RoleRule NONE = new RoleRule(Kind.NONE, Set.of());
    static final RoleRule PERMIT_ALL = new RoleRule(Kind.PERMIT_ALL, Set.of());
    static final RoleRule DENY_ALL = new RoleRule(Kind.DENY_ALL, Set.of());

    RoleRule {
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }

    /** @return the rule of {@code @RolesAllowed(roles)} */
    static RoleRule rolesAllowed(String[] roles) {
        Set<String> names = new LinkedHashSet<>();
        for (String role : roles) {
            if (ANY_AUTHENTICATED.equals(role)) {
                return PERMIT_ALL;
            }
            names.add(role);
        }
        return names.isEmpty() ? DENY_ALL : new RoleRule(Kind.ROLES_ALLOWED, names);
    }

    /** @return whether a token holding {@code granted} roles passes; {@link Kind#DENY_ALL} is checked apart */
    boolean admits(Set<String> granted) {
        return kind != Kind.ROLES_ALLOWED || roles.stream().anyMatch(granted::contains);
    }
}
