package dev.oauthjwt.jaxrs.roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Role annotation on an interface method; the implementing class is {@code @Secured}. */
@Path("/contract")
public interface RolesContract {

    @GET
    @RolesAllowed("admin")
    String get();
}
