package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The site's errors reference has one table row per answer of {@link Failure}, with its status, code and text. */
class ErrorsReferenceTest {

    static final Path ERRORS_PAGE = Path.of("..", "src-site", "markdown", "errors.md");

    /** {@code | 401 | `invalid_token` | The access token expired | …}: status, error cell, description cell. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|([^|]*)\\|");

    @Test
    void errorsPageListsEveryAnswerOfTheCodeAndNothingElse() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher row = ROW.matcher(Files.readString(ERRORS_PAGE, StandardCharsets.UTF_8));
        while (row.find()) {
            documented.add(row.group(1) + " " + cell(row.group(2)) + " " + cell(row.group(3)));
        }
        List<String> answers = new ArrayList<>();
        for (Failure failure : Failure.values()) {
            answers.add(failure.status() + " " + (failure.error() == null ? "-" : failure.error()) + " "
                    + (failure.description() == null ? "-" : failure.description()));
        }
        assertThat(documented)
                .as("rows of %s (status, error, description)", ERRORS_PAGE)
                .containsExactlyInAnyOrderElementsOf(answers);
    }

    /** A cell's text without markdown code quotes; "(none)"-style cells stand for an absent value. */
    private static String cell(String raw) {
        String text = raw.replace("`", "").trim();
        return text.startsWith("(") ? "-" : text;
    }
}
