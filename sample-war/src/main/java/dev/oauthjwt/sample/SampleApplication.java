package dev.oauthjwt.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample API, under {@code /api} (the WAR's context root is {@code /}). All classes are discovered. */
@ApplicationPath("/api")
public class SampleApplication extends Application {}
