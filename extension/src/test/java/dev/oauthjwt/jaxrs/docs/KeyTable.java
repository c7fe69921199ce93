package dev.oauthjwt.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration-key table of a Markdown page: the table whose header starts with {@code | Key |}, as one map of
 * column name to cell text per key (cells as written, code quotes included).
 */
final class KeyTable {

    private KeyTable() {}

    /**
     * @param page the page's Markdown
     * @param pageName for messages
     * @return the rows by key (the first cell without code quotes), in page order
     */
    static Map<String, Map<String, String>> rows(String page, String pageName) {
        List<String> lines = page.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).matches("\\|\\s*Key\\s*\\|.*")) {
                header = i;
            }
        }
        assertThat(header)
                .as("a table with a 'Key' first column in %s", pageName)
                .isNotNegative();
        List<String> columns = cells(lines.get(header));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            assertThat(cells)
                    .as("cells of row %s of %s", lines.get(i), pageName)
                    .hasSameSizeAs(columns);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), cells.get(c));
            }
            rows.put(cells.get(0).replace("`", ""), row);
        }
        return rows;
    }

    /** Cells of {@code | a | b |}; a {@code |} inside code quotes or escaped with {@code \} does not split. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        String body = line.trim().substring(1);
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '`') {
                inCode = !inCode;
            }
            if (ch == '|' && !inCode && (i == 0 || body.charAt(i - 1) != '\\')) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        return cells;
    }
}
