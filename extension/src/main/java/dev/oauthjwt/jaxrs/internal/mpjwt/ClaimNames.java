package dev.oauthjwt.jaxrs.internal.mpjwt;

import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/** The claim an {@code @Claim} injection point names: {@code value}, else {@code standard}. */
final class ClaimNames {

    private ClaimNames() {}

    /** @return the {@code @Claim} qualifier of the injection point, if any */
    static Optional<Claim> qualifier(InjectionPoint injectionPoint) {
        for (Annotation qualifier : injectionPoint.getQualifiers()) {
            if (qualifier instanceof Claim claim) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the claim name; empty when the qualifier names none, or names two different claims
     *     ({@code @Claim(value = "a", standard = Claims.sub)}), both deployment errors
     */
    static Optional<String> of(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (value.isEmpty()) {
            return standard == Claims.UNKNOWN ? Optional.empty() : Optional.of(standard.name());
        }
        return standard == Claims.UNKNOWN || standard.name().equals(value) ? Optional.of(value) : Optional.empty();
    }

    /** @return the claim name of an injection point already validated at deployment */
    static String of(InjectionPoint injectionPoint) {
        return qualifier(injectionPoint)
                .flatMap(ClaimNames::of)
                .orElseThrow(() ->
                        new IllegalStateException("@Claim injection point without a claim name: " + injectionPoint));
    }
}
