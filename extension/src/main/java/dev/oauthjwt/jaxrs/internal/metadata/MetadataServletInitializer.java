package dev.oauthjwt.jaxrs.internal.metadata;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers {@link ProtectedResourceMetadataServlet} in every web application that carries the extension (a
 * {@link ServletContainerInitializer} found through {@code META-INF/services}): no code or {@code web.xml} of the
 * application is needed. Whether anything is served is decided per request by the configuration.
 */
public class MetadataServletInitializer implements ServletContainerInitializer {

    static final String NAME = "oauth-jwt-protected-resource-metadata";
    private static final Logger LOG = Logger.getLogger(MetadataServletInitializer.class.getName());

    /** Created by the servlet container. */
    public MetadataServletInitializer() {
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ServletRegistration.Dynamic servlet = context.addServlet(NAME, ProtectedResourceMetadataServlet.class);
        if (servlet == null) {
            return; // the application registered a servlet of this name itself
        }
        Set<String> taken = servlet.addMapping(OAuthJwtConfig.METADATA_PATH, OAuthJwtConfig.METADATA_PATH + "/*");
        if (!taken.isEmpty()) {
            LOG.warning("The application maps " + taken + " itself: the protected-resource metadata is not served");
        }
    }
}
