package dev.oauthjwt.jaxrs.internal.ops.metrics;

import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.ops.TelemetrySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Offers {@link MicroProfileTelemetry} on the application's metric registry. The registry is injected into a field:
 * servers resolve the registry's scope from the injection point, so a programmatic lookup without one fails on some
 * (Payara Micro). Added as a bean by the portable extension only when the Metrics API is present.
 */
@ApplicationScoped
public class MicroProfileMetricsSource implements TelemetrySource {

    @Inject
    MetricRegistry registry;

    private Telemetry telemetry;

    @Override
    public synchronized Telemetry telemetry() {
        if (telemetry == null) {
            telemetry = new MicroProfileTelemetry(registry);
        }
        return telemetry;
    }
}
