package dev.oauthjwt.jaxrs.internal.http;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Finds what annotations say about a resource method, with the precedence of Jakarta REST and Jakarta Annotations:
 * the method's own declaration first, then the same method up the hierarchy (each superclass, then its interfaces);
 * only when no declaration of the method says anything, the class, its superclasses and their interfaces.
 */
final class AnnotationLookup {

    private AnnotationLookup() {}

    /**
     * @param read what an element says, or {@code null} when it says nothing
     * @return the first non-null answer in precedence order, or {@code null}
     */
    static <T> T find(Class<?> resourceClass, Method method, Function<AnnotatedElement, T> read) {
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            T found = onMethod(type, method, read);
            for (int i = 0; found == null && i < type.getInterfaces().length; i++) {
                found = onMethod(type.getInterfaces()[i], method, read);
            }
            if (found != null) {
                return found;
            }
        }
        for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
            T found = read.apply(type);
            for (int i = 0; found == null && i < type.getInterfaces().length; i++) {
                found = read.apply(type.getInterfaces()[i]);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static <T> T onMethod(Class<?> type, Method method, Function<AnnotatedElement, T> read) {
        try {
            return read.apply(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
