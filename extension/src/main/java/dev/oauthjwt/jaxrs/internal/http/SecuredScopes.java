package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The scopes named by the {@link Secured} annotations of the application's endpoints, collected while Jakarta REST
 * binds the filters ({@link SecuredFeature}): the {@code scopes_supported} of the protected-resource metadata.
 */
@ApplicationScoped
public class SecuredScopes {

    private final Set<String> scopes = new ConcurrentSkipListSet<>();

    /** Created by CDI. */
    public SecuredScopes() {}

    void addAll(Collection<String> endpointScopes) {
        scopes.addAll(endpointScopes);
    }

    /** @return the scopes of every secured endpoint bound so far, sorted */
    public Set<String> scopes() {
        return Set.copyOf(scopes);
    }
}
