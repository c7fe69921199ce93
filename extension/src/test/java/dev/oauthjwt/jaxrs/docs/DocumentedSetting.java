package dev.oauthjwt.jaxrs.docs;

import dev.oauthjwt.jaxrs.internal.config.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the documentation writes a {@link Setting}'s default and bounds: durations in the largest exact unit
 * ({@code 10 min}, {@code 24 h}, {@code 7 days}, {@code 100 ms}), numbers and names as they are, {@code required},
 * {@code none} or {@code absent} when there is no default. Texts are compared after {@link #normalize}.
 */
final class DocumentedSetting {

    private static final Pattern DIGIT_GROUP_SPACE = Pattern.compile("(?<=\\d) (?=\\d{3})");

    private DocumentedSetting() {}

    /** @return the accepted spellings of the default, normalized; the first is the canonical one */
    static List<String> defaults(Setting<?> setting) {
        if (setting.isRequired()) {
            return List.of("required");
        }
        if (setting.defaultText().isEmpty()) {
            return List.of(setting.defaultValue() instanceof Optional<?> ? "absent" : "none");
        }
        String raw = setting.defaultText().get();
        if (setting.defaultValue() instanceof Duration duration) {
            return List.of(human(duration), normalize(raw + " (" + human(duration) + ")"));
        }
        return List.of(normalize(raw));
    }

    /** @return the bounds as documented, {@code min to max}, or empty for a setting without bounds */
    static Optional<String> bounds(Setting<?> setting) {
        if (setting.min() == null) {
            return Optional.empty();
        }
        if (setting.min() instanceof Duration min) {
            return Optional.of(human(min) + " to " + human((Duration) setting.max()));
        }
        return Optional.of(setting.min() + " to " + setting.max());
    }

    /** A duration in the largest unit that divides it exactly; days from 2 days up (so 24 h stays 24 h). */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0 s";
        }
        if (ms % 86_400_000 == 0 && ms >= 2 * 86_400_000L) {
            return ms / 86_400_000 + " days";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Markdown and Javadoc text reduced to what it says: no code quotes, bold marks, {@code {@code …}} or
     * {@code {@link …}} wrappers, no spaces after commas or inside digit groups ({@code 1 000 000}), single spaces.
     */
    static String normalize(String text) {
        String plain = text.replaceAll("\\{@(?:code|link|linkplain) #?([^}]*)}", "$1")
                .replace("`", "")
                .replace("*", "")
                .replaceAll("\\s+", " ")
                .replaceAll(" ?, ?", ",")
                .trim();
        return DIGIT_GROUP_SPACE.matcher(plain).replaceAll("");
    }

    /** @return whether normalized {@code text} contains normalized {@code phrase} as whole words */
    static boolean mentions(String text, String phrase) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(normalize(phrase)) + "(?![\\w])")
                .matcher(normalize(text))
                .find();
    }

    /** @return whether normalized {@code text} is {@code phrase}, or starts with it followed by a non-word character */
    static boolean startsWith(String text, String phrase) {
        String t = normalize(text);
        String p = normalize(phrase);
        return t.equals(p) || t.startsWith(p) && !Character.isLetterOrDigit(t.charAt(p.length()));
    }
}
