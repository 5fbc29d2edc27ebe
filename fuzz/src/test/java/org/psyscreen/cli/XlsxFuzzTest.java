package org.psyscreen.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.psyscreen.fuzz.Leaks;

/**
 * Workbooks (zip archives of XML): any bytes convert to a CSV or are refused as an unreadable
 * workbook naming the part, never another exception and never a cell's value.
 */
class XlsxFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytesConvertOrAreRefused(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("psyscreen-fuzz-xlsx");
        try {
            Path xlsx = Files.write(dir.resolve("in.xlsx"), input);
            try {
                Spreadsheets.toCsv(xlsx, dir.resolve("out.csv"));
            } catch (Spreadsheets.UnreadableWorkbook e) {
                Leaks.assertNotEchoed(input, e.getMessage());
            }
        } finally {
            try (var tree = Files.walk(dir)) {
                for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
