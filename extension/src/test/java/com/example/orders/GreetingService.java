package com.example.orders;

// The documentation site includes the code between the SNIPPET markers of this file (src-site, getting-started).

// START SNIPPET: cdi-bean
import dev.oauthjwt.jaxrs.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

@RequestScoped
public class GreetingService {

    /** The verified token of the current request; only usable while serving a {@code @Secured} endpoint. */
    @Inject
    AccessToken token;

    public String greet() {
        return "Hello " + token.getName() + ", your token expires at "
                + java.time.Instant.ofEpochSecond(token.getExpirationTime());
    }
}
// END SNIPPET: cdi-bean
