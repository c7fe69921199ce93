package dev.oauthjwt.jaxrs.api;

import dev.oauthjwt.jaxrs.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI bean that reads the request's verified token through injection. */
@ApplicationScoped
public class GreetingService {

    @Inject
    AccessToken token;

    public String greet() {
        return "hello " + token.getName() + " with role "
                + token.getStringClaim("role").orElse("none");
    }
}
