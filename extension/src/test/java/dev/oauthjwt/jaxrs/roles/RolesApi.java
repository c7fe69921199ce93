package dev.oauthjwt.jaxrs.roles;

import dev.oauthjwt.jaxrs.Secured;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Role annotations at class and method level on a class-level {@code @Secured} resource. */
@Path("/roles")
@Secured
@RolesAllowed("reader")
public class RolesApi {

    @GET
    @Path("class")
    public String classLevel() {
        return "class ok";
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin ok";
    }

    @GET
    @Path("either")
    @RolesAllowed({"admin", "auditor"})
    public String either() {
        return "either ok";
    }

    @GET
    @Path("permit")
    @PermitAll
    public String permit() {
        return "permit ok";
    }

    @GET
    @Path("deny")
    @DenyAll
    public String deny() {
        return "never";
    }

    @GET
    @Path("any-authenticated")
    @RolesAllowed("**")
    public String anyAuthenticated() {
        return "any ok";
    }

    @GET
    @Path("nobody")
    @RolesAllowed({})
    public String nobody() {
        return "never";
    }

    @GET
    @Path("scoped-admin")
    @Secured(scopes = "read", claims = "tenant=acme")
    @RolesAllowed("admin")
    public String scopedAdmin() {
        return "scoped admin ok";
    }

    @GET
    @Path("any-scope")
    @Secured(anyScopes = {"orders:read", "orders:admin"})
    @PermitAll
    public String anyScope() {
        return "any scope ok";
    }

    @GET
    @Path("all-and-any-scope")
    @Secured(scopes = "read", anyScopes = "orders:read orders:admin")
    @PermitAll
    public String allAndAnyScope() {
        return "all and any scope ok";
    }
}
