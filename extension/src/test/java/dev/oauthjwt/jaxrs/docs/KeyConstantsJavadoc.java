package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Javadoc comment of each key constant in the source of {@link OAuthJwtConfigKeys}, by key. */
final class KeyConstantsJavadoc {

    /** {@code /** … *&#47; public static final String NAME = PREFIX + "suffix";} */
    private static final Pattern CONSTANT = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final String \\w+ = PREFIX \\+ \"([^\"]+)\";",
            Pattern.DOTALL);

    private KeyConstantsJavadoc() {}

    /**
     * @param source the source of {@link OAuthJwtConfigKeys}
     * @return each key ({@code oauth.jwt.…}) and its Javadoc text, line prefixes removed
     */
    static Map<String, String> byKey(String source) {
        Map<String, String> docs = new LinkedHashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            docs.put(
                    OAuthJwtConfigKeys.PREFIX + constant.group(2),
                    constant.group(1).replaceAll("(?m)^\\s*\\*", " "));
        }
        assertThat(docs)
                .as("documented key constants found in the source of OAuthJwtConfigKeys")
                .hasSizeGreaterThan(10);
        return docs;
    }
}
