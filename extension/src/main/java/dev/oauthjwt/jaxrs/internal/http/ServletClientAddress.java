package dev.oauthjwt.jaxrs.internal.http;

import dev.oauthjwt.jaxrs.internal.OptionalApis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;

/**
 * The client address of the current request, from the {@code HttpServletRequest} bean that CDI offers in a servlet
 * container (the remote address of the connection; forwarding headers are not trusted). Outside a servlet container
 * the address is unknown.
 */
final class ServletClientAddress {

    private ServletClientAddress() {}

    /** @return the source of the current request's address; it answers {@code null} when there is none */
    static Supplier<String> lookup() {
        if (!OptionalApis.present(OptionalApis.SERVLET)) {
            return () -> null;
        }
        return fromCdi();
    }

    private static Supplier<String> fromCdi() {
        Instance<HttpServletRequest> request = CDI.current().select(HttpServletRequest.class);
        if (!request.isResolvable()) {
            return () -> null;
        }
        HttpServletRequest proxy = request.get(); // a proxy of the current request
        return proxy::getRemoteAddr;
    }
}
