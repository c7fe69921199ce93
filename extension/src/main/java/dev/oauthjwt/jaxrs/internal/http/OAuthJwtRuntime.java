package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.context.ContextNotActiveException;
import java.util.function.Supplier;

/**
 * What the filters of one application share: the CDI-produced {@link TokenValidator} and {@link SenderConstraints},
 * and the request-scoped holder that makes the verified token injectable. Looked up once, on the first secured
 * request.
 *
 * @param validator the application's validator
 * @param senderConstraints the application's checks of token bindings (DPoP)
 * @param holder a client proxy of the request-scoped holder
 */
record OAuthJwtRuntime(TokenValidator validator, SenderConstraints senderConstraints, AccessTokenHolder holder) {

    /** Makes the principal injectable as {@code AccessToken} for the rest of the request. */
    void publish(AccessToken token) {
        try {
            holder.set(token);
        } catch (ContextNotActiveException noRequestContext) {
            // the runtime serves this request outside a CDI request context: injection is unavailable, nothing else
        }
    }

    /** @return a supplier that calls {@code lookup} on first use and then keeps its result */
    static Supplier<OAuthJwtRuntime> lazily(Supplier<OAuthJwtRuntime> lookup) {
        return new Supplier<>() {
            private volatile OAuthJwtRuntime runtime;

            @Override
            public OAuthJwtRuntime get() {
                OAuthJwtRuntime rt = runtime;
                if (rt == null) {
                    synchronized (this) {
                        if (runtime == null) {
                            runtime = lookup.get();
                        }
                        rt = runtime;
                    }
                }
                return rt;
            }
        };
    }
}
