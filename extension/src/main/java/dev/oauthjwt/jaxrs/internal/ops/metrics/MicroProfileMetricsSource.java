package dev.oauthjwt.jaxrs.internal.ops.metrics;

import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.ops.TelemetrySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Offers {@link MicroProfileTelemetry} on the application's metric registry, or {@link Telemetry#NONE} when the API
 * is there but no registry is offered (the deployment never fails for metrics). The registry is looked up through an
 * injected {@code Instance}: servers resolve the registry's scope from the injection point, and a lookup without one
 * ({@code CDI.current()}) fails on Payara Micro and Open Liberty. Added as a bean by the portable extension only when
 * the Metrics API is present.
 */
@ApplicationScoped
public class MicroProfileMetricsSource implements TelemetrySource {

    @Inject
    Instance<MetricRegistry> registry;

    private Telemetry telemetry;

    @Override
    public synchronized Telemetry telemetry() {
        if (telemetry == null) {
            telemetry = registry.isResolvable() ? new MicroProfileTelemetry(registry.get()) : Telemetry.NONE;
        }
        return telemetry;
    }
}
