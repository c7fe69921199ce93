package dev.oauthjwt.jaxrs.internal.mpjwt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * The deployment rules of MicroProfile JWT 2.1 §7.1.3 for {@code @Claim} injection points: the qualifier names one
 * claim, and a bean that outlives a request ({@code @ApplicationScoped}, {@code @SessionScoped}) injects a claim only
 * through {@code ClaimValue}, {@code Instance} or {@code Provider}, never as a value frozen from its first request.
 */
public final class ClaimInjectionRules {

    private static final Set<Class<?>> LONG_LIVED = Set.of(ApplicationScoped.class, SessionScoped.class);
    private static final Set<Type> LAZY = Set.of(ClaimValue.class, Instance.class, Provider.class);

    private ClaimInjectionRules() {}

    /**
     * @param bean a bean of the application
     * @return one message per broken rule, empty when the bean's {@code @Claim} injection points are fine
     */
    public static List<String> problems(Bean<?> bean) {
        List<String> problems = new ArrayList<>();
        for (InjectionPoint injectionPoint : bean.getInjectionPoints()) {
            Claim claim = ClaimNames.qualifier(injectionPoint).orElse(null);
            if (claim == null) {
                continue;
            }
            if (ClaimNames.of(claim).isEmpty()) {
                problems.add("@Claim at " + injectionPoint.getMember() + " names no claim, or two different ones");
            }
            Type type = injectionPoint.getType();
            Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
            if (LONG_LIVED.contains(bean.getScope()) && !LAZY.contains(raw)) {
                problems.add("@Claim at " + injectionPoint.getMember() + " in a bean of scope @"
                        + bean.getScope().getSimpleName() + " must be a ClaimValue, Instance or Provider");
            }
        }
        return problems;
    }
}
