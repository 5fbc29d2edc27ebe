package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 26: {@code list} and {@code norms} print their columns in line, whatever the widest cell. */
class TextTableTest {
    @Test
    void everyRowStartsItsColumnsAtTheSamePlace() {
        java.util.List<String> norms = MainTest.run("norms").out().lines().toList();
        assertThat(norms).hasSizeGreaterThan(2);
        assertThat(norms.stream().map(l -> l.lastIndexOf("  ") + 2).distinct())
                .as("status column of %s", norms)
                .hasSize(1);
        assertThat(norms.stream()
                        .map(l -> l.indexOf(" ")
                                + (l.substring(l.indexOf(" ")).length()
                                        - l.substring(l.indexOf(" "))
                                                .stripLeading()
                                                .length()))
                        .distinct())
                .as("instrument column of %s", norms)
                .hasSize(1);
        java.util.List<String> list = MainTest.run("list")
                .out()
                .lines()
                .filter(l -> l.contains("/norms/"))
                .toList();
        assertThat(list).hasSizeGreaterThan(2);
        assertThat(list.stream().map(l -> l.indexOf("bundled ")).distinct())
                .as("origin column of %s", list)
                .hasSize(1);
    }

    @Test
    void wideCharactersCountTwice() {
        StringWriter w = new StringWriter();
        new TextTable("").row("预警", "x").row("ab", "y").print(new PrintWriter(w, true));
        assertThat(w.toString().lines().toList()).containsExactly("预警  x", "ab    y");
    }
}
