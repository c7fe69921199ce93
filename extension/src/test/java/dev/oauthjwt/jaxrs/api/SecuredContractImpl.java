package dev.oauthjwt.jaxrs.api;

/** Implements {@link SecuredContract} without repeating its annotations. */
public class SecuredContractImpl implements SecuredContract {

    @Override
    public String get() {
        return "contract ok";
    }
}
