package dev.oauthjwt.jaxrs.internal.http;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} of a resource method into a
 * {@link RoleRule}, once, at deployment. A method-level annotation wins over a class-level one (Jakarta Annotations
 * 2.1 §3.8–3.10), wherever {@link AnnotationLookup} finds it. Two of them on the same method or class are ambiguous
 * and fail the deployment.
 */
final class RoleAnnotations {

    private RoleAnnotations() {}

    /**
     * @param where the method, named in error messages
     * @return the rule; {@link RoleRule#NONE} when no role annotation applies
     * @throws IllegalStateException when one element carries more than one of the annotations
     */
    static RoleRule resolve(Class<?> resourceClass, Method method, String where) {
        RoleRule rule = AnnotationLookup.find(resourceClass, method, element -> ruleOf(element, where));
        return rule != null ? rule : RoleRule.NONE;
    }

    private static RoleRule ruleOf(AnnotatedElement element, String where) {
        List<RoleRule> rules = new ArrayList<>(1);
        if (element.isAnnotationPresent(DenyAll.class)) {
            rules.add(RoleRule.DENY_ALL);
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            rules.add(RoleRule.PERMIT_ALL);
        }
        RolesAllowed rolesAllowed = element.getAnnotation(RolesAllowed.class);
        if (rolesAllowed != null) {
            rules.add(RoleRule.rolesAllowed(rolesAllowed.value()));
        }
        if (rules.size() > 1) {
            throw new IllegalStateException("@Secured method " + where + ": " + describe(element)
                    + " carries more than one of @RolesAllowed, @PermitAll and @DenyAll");
        }
        return rules.isEmpty() ? null : rules.get(0);
    }

    private static String describe(AnnotatedElement element) {
        return element instanceof Method m
                ? "method " + m.getDeclaringClass().getName() + "#" + m.getName()
                : "type " + ((Class<?>) element).getName();
    }
}
