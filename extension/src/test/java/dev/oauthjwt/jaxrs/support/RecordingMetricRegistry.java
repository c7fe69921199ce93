package dev.oauthjwt.jaxrs.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A MicroProfile Metrics registry for the tests, offered to the Weld SE container as a CDI bean: only
 * {@code counter(Metadata, Tag...)} and {@code timer(Metadata[, Tag...])} work (the calls the extension makes), each
 * metric is kept under {@code name{tag=value,...}} (tags sorted), and {@link #count} reads it. One registry serves
 * every test of the JVM, as an application server's registry outlives redeployments: tests compare before and after.
 */
@ApplicationScoped
public class RecordingMetricRegistry {

    /** The registry every container of this JVM gets. */
    public static final RecordingMetricRegistry SHARED = new RecordingMetricRegistry();

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Produces
    @Singleton
    MetricRegistry registry() {
        return SHARED.proxy();
    }

    /** @return the count of counter or timer {@code id} ({@code name{tag=value,...}}), 0 when not registered */
    public long count(String id) {
        AtomicLong count = counts.get(id);
        return count == null ? 0 : count.get();
    }

    /** @return whether a metric with that id was registered */
    public boolean registered(String id) {
        return counts.containsKey(id);
    }

    /** @return a registry view that records into this instance */
    public MetricRegistry proxy() {
        return (MetricRegistry) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class}, (self, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("counter") || name.equals("timer")) && args[0] instanceof Metadata metadata) {
                        Tag[] tags = args.length == 2 ? (Tag[]) args[1] : new Tag[0];
                        AtomicLong count = counts.computeIfAbsent(id(metadata.getName(), tags), k -> new AtomicLong());
                        return name.equals("counter") ? counter(count) : timer(count);
                    }
                    if (name.equals("toString")) {
                        return "RecordingMetricRegistry";
                    }
                    throw new UnsupportedOperationException(name);
                });
    }

    private static String id(String name, Tag[] tags) {
        Map<String, String> sorted = new TreeMap<>();
        Arrays.stream(tags).forEach(tag -> sorted.put(tag.getTagName(), tag.getTagValue()));
        return name
                + sorted.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}"));
    }

    private static Counter counter(AtomicLong count) {
        return (Counter) Proxy.newProxyInstance(
                Counter.class.getClassLoader(),
                new Class<?>[] {Counter.class},
                (self, method, args) -> switch (method.getName()) {
                    case "inc" -> {
                        count.addAndGet(args == null ? 1 : (Long) args[0]);
                        yield null;
                    }
                    case "getCount" -> count.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Timer timer(AtomicLong count) {
        return (Timer) Proxy.newProxyInstance(
                Timer.class.getClassLoader(),
                new Class<?>[] {Timer.class},
                (self, method, args) -> switch (method.getName()) {
                    case "update" -> {
                        if (((Duration) args[0]).isNegative()) {
                            throw new AssertionError("negative duration");
                        }
                        count.incrementAndGet();
                        yield null;
                    }
                    case "getCount" -> count.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
