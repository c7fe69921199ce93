package dev.oauthjwt.jaxrs.internal.ops;

/**
 * A CDI bean that offers the application's {@link Telemetry}: the MicroProfile Metrics binding, added as a bean only
 * when the server offers the API. Without such a bean the extension uses {@link Telemetry#NONE}.
 */
public interface TelemetrySource {

    /** @return the telemetry of this application */
    Telemetry telemetry();
}
