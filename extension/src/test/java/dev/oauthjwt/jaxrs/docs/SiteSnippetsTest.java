package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every snippet the site includes ({@code <!-- MACRO{snippet|id=…|file=…} -->}) exists: the file is in the repository
 * and has both markers. {@code mvn site} fails on a missing snippet too; this catches it already in {@code mvn verify}.
 */
class SiteSnippetsTest {

    private static final Path SITE_PAGES = Path.of("..", "src-site", "markdown");
    private static final Path REPOSITORY_ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("MACRO\\{snippet\\|([^}]*)}");

    @Test
    void everySnippetOnTheSiteExistsInTheSources() throws IOException {
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (var pages = Files.list(SITE_PAGES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher macro = SNIPPET.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (macro.find()) {
                    count++;
                    String id = param(macro.group(1), "id");
                    String file = param(macro.group(1), "file");
                    Path source = REPOSITORY_ROOT.resolve(file);
                    if (!Files.isRegularFile(source)) {
                        problems.add(page.getFileName() + ": no file " + file);
                        continue;
                    }
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    int start = text.indexOf("START SNIPPET: " + id);
                    int end = text.indexOf("END SNIPPET: " + id);
                    if (start < 0 || end < start) {
                        problems.add(page.getFileName() + ": no snippet '" + id + "' in " + file);
                    }
                    if (!macro.group(1).contains("ignoreDownloadError=false")) {
                        problems.add(
                                page.getFileName() + ": snippet '" + id
                                        + "' lacks ignoreDownloadError=false (a missing snippet would render as an error text)");
                    }
                }
            }
        }
        assertThat(count).as("snippet macros on the site").isPositive();
        assertThat(problems).isEmpty();
    }

    private static String param(String params, String name) {
        for (String p : params.split("\\|")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError("snippet macro without " + name + ": " + params);
    }
}
