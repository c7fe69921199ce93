package dev.oauthjwt.jaxrs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Resolution of the role annotations of a resource method, at deployment: precedence and ambiguity. */
class RoleAnnotationsTest {

    @RolesAllowed("reader")
    static class ClassRoles {
        public void plain() {}

        @PermitAll
        public void permitted() {}

        @DenyAll
        public void denied() {}

        @RolesAllowed({"admin", "**"})
        public void anyAuthenticated() {}

        @RolesAllowed("admin")
        @PermitAll
        public void ambiguous() {}
    }

    static class Sub extends ClassRoles {
        @Override
        public void permitted() {}
    }

    @DenyAll
    interface DeniedContract {
        @RolesAllowed("admin")
        void admin();

        void other();
    }

    static class Implementation implements DeniedContract {
        @Override
        public void admin() {}

        @Override
        public void other() {}
    }

    @RolesAllowed("a")
    @PermitAll
    static class AmbiguousClass {
        public void m() {}
    }

    static class Nothing {
        public void m() {}
    }

    private static RoleRule resolve(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return RoleAnnotations.resolve(type, m, type.getSimpleName() + "#" + method);
    }

    @Test
    void methodLevelWinsOverClassLevel() throws Exception {
        assertThat(resolve(ClassRoles.class, "plain")).isEqualTo(RoleRule.rolesAllowed(new String[] {"reader"}));
        assertThat(resolve(ClassRoles.class, "permitted")).isEqualTo(RoleRule.PERMIT_ALL);
        assertThat(resolve(ClassRoles.class, "denied")).isEqualTo(RoleRule.DENY_ALL);
    }

    @Test
    void anOverridingMethodWithoutAnnotationsInheritsTheOverriddenOnesBeforeTheClassLevel() throws Exception {
        assertThat(resolve(Sub.class, "permitted")).isEqualTo(RoleRule.PERMIT_ALL);
        assertThat(resolve(Sub.class, "plain").roles()).containsExactly("reader");
    }

    @Test
    void interfaceMethodAndInterfaceTypeAnnotationsApply() throws Exception {
        assertThat(resolve(Implementation.class, "admin").roles()).containsExactly("admin");
        assertThat(resolve(Implementation.class, "other")).isEqualTo(RoleRule.DENY_ALL);
    }

    @Test
    void doubleStarMeansAnyVerifiedTokenAndNoRolesMeansNobody() throws Exception {
        assertThat(resolve(ClassRoles.class, "anyAuthenticated")).isEqualTo(RoleRule.PERMIT_ALL);
        assertThat(RoleRule.rolesAllowed(new String[0])).isEqualTo(RoleRule.DENY_ALL);
    }

    @Test
    void noAnnotationMeansNoRoleRule() throws Exception {
        assertThat(resolve(Nothing.class, "m")).isEqualTo(RoleRule.NONE);
        assertThat(RoleRule.NONE.admits(java.util.Set.of())).isTrue();
    }

    @Test
    void twoRoleAnnotationsOnOneMethodOrClassFailTheDeployment() {
        assertThatThrownBy(() -> resolve(ClassRoles.class, "ambiguous"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ClassRoles#ambiguous")
                .hasMessageContaining("more than one of @RolesAllowed, @PermitAll and @DenyAll");
        assertThatThrownBy(() -> resolve(AmbiguousClass.class, "m"))
                .hasMessageContaining("type " + AmbiguousClass.class.getName());
    }
}
