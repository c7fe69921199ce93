package com.example.orders;

// The documentation site includes the code between the SNIPPET markers of this file (src-site, getting-started).

// START SNIPPET: application
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Activates Jakarta REST for the WAR. The extension's {@code @Provider} is discovered by the runtime's scanning of
 * the WAR's libraries; nothing needs to be registered by hand.
 */
@ApplicationPath("/")
public class RestApplication extends Application {}
// END SNIPPET: application
