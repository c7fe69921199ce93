package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two it-test matrices: which Payara Micro a server under test is and which JDK it runs on.
 * <ul>
 * <li>{@link #EE10}: Payara Micro 6 (Jakarta EE 10) and Open Liberty, on the JDK that runs Maven (Java 17 in CI).</li>
 * <li>{@link #JAVA25}: Payara Micro 7 (Jakarta EE 11) and Open Liberty, on the JDK 25 named by
 * {@code -Dit.jdk25.home}.</li>
 * </ul>
 * Both run Open Liberty with the same features (restfulWS-3.1, cdi-4.0, jsonp-2.1, mpConfig-3.1): Open Liberty
 * 26.0.0.3 ships no Jakarta EE 11 features (restfulWS-4.0, cdi-4.1, jsonp-2.2).
 */
enum Matrix {
    EE10("it.payaraJar", "it.payaraVersion", null),
    JAVA25("it.payaraJarEe11", "it.payaraVersionEe11", "it.jdk25.home");

    /** The Java feature version of {@link #JAVA25}. */
    static final int JAVA_25 = 25;

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)[^\"]*\"$", Pattern.MULTILINE);

    private final String payaraJarProperty;
    private final String payaraVersionProperty;
    private final String javaHomeProperty;

    Matrix(String payaraJarProperty, String payaraVersionProperty, String javaHomeProperty) {
        this.payaraJarProperty = payaraJarProperty;
        this.payaraVersionProperty = payaraVersionProperty;
        this.javaHomeProperty = javaHomeProperty;
    }

    /** @return the Payara Micro jar of this matrix */
    Path payaraJar() {
        return Path.of(required(payaraJarProperty));
    }

    /** @return the version of {@link #payaraJar()} */
    String payaraVersion() {
        return required(payaraVersionProperty);
    }

    /** @return the Java feature version the servers of this matrix run on ({@link #EE10}: the JDK running Maven) */
    int javaFeature() {
        return javaHomeProperty == null ? Runtime.version().feature() : JAVA_25;
    }

    /**
     * @return the JDK the servers of this matrix run on
     * @throws IllegalStateException naming the property to set if {@link #JAVA25}'s JDK is missing or not Java 25
     */
    Path javaHome() {
        if (javaHomeProperty == null) {
            return Path.of(System.getProperty("java.home"));
        }
        Path home = Path.of(required(javaHomeProperty));
        int feature = releaseVersion(home).orElse(-1);
        if (feature != JAVA_25 || !Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("the " + this + " servers run on Java " + JAVA_25 + ", but -D"
                    + javaHomeProperty + "=" + home + " is " + (feature < 0 ? "not a JDK" : "Java " + feature)
                    + ": install a JDK " + JAVA_25 + " and pass -D" + javaHomeProperty + "=/path/to/jdk-" + JAVA_25);
        }
        return home;
    }

    /** @return the feature version in the JDK's {@code release} file */
    private static Optional<Integer> releaseVersion(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the value of a system property that failsafe sets */
    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through failsafe)");
        }
        return value;
    }
}
