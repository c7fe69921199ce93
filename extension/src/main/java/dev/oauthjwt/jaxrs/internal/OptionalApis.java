package dev.oauthjwt.jaxrs.internal;

/**
 * Which optional APIs the application server offers this application. The classes that bind them (health check,
 * metrics, the servlet request's address) are only loaded after the check said yes, so the extension deploys on a
 * server without them.
 */
public final class OptionalApis {

    /** MicroProfile Health: the readiness check. */
    public static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    /** MicroProfile Metrics: counters and the validation timer. */
    public static final String METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";
    /** Jakarta Servlet: the client address in the audit log. */
    public static final String SERVLET = "jakarta.servlet.http.HttpServletRequest";

    private OptionalApis() {}

    /** @return whether {@code className} can be loaded by the loader of this extension */
    public static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalApis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
