package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration value that is a document (public keys): inline, or from a {@code file:} path
 * ({@code file:/etc/keys.pem}, {@code file:keys.pem} relative to the working directory, {@code file:///…}) or a
 * {@code classpath:} resource of the application. At most {@link #MAX_BYTES}; read once, at deployment.
 */
final class LocalDocuments {

    static final int MAX_BYTES = 1024 * 1024;
    private static final String FILE = "file:";
    private static final String CLASSPATH = "classpath:";

    private LocalDocuments() {}

    static String read(String key, String value) {
        if (value.startsWith(FILE)) {
            return fromFile(key, value);
        }
        if (value.startsWith(CLASSPATH)) {
            return fromClasspath(key, value.substring(CLASSPATH.length()));
        }
        return value;
    }

    private static String fromFile(String key, String value) {
        Path path;
        try {
            String rest = value.substring(FILE.length());
            path = rest.startsWith("//") ? Path.of(URI.create(value)) : Path.of(rest);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(key, "names a file location that is not a valid path");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new InvalidConfigurationException(key, "names a file that does not exist or is not a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidConfigurationException(key, "names a file larger than 1 MiB");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException(key, "names a file that cannot be read");
        }
    }

    private static String fromClasspath(String key, String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = LocalDocuments.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidConfigurationException(key, "names a classpath resource that does not exist");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidConfigurationException(key, "names a classpath resource larger than 1 MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException(key, "names a classpath resource that cannot be read");
        }
    }
}
