package dev.oauthjwt.jaxrs.api;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An interface that declares the binding; the implementation carries none. */
@Path("/contract")
public interface SecuredContract {

    @GET
    @Secured
    String get();
}
