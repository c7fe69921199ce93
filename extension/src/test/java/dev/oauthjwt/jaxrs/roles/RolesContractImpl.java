package dev.oauthjwt.jaxrs.roles;

import dev.oauthjwt.jaxrs.Secured;

/** Inherits {@code @RolesAllowed("admin")} from the interface method. */
@Secured
public class RolesContractImpl implements RolesContract {

    @Override
    public String get() {
        return "contract ok";
    }
}
