package org.psyscreen.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the CLI prints to a terminal, with the characters a terminal acts on made visible: control
 * characters (ESC, BEL, backspace, …, and C1 controls) and the bidirectional overrides that make text
 * read in another order than it is stored. A school name from a file can then never move the cursor,
 * ring the bell, change colours or hide text. New lines, carriage returns (progress lines) and tabs
 * pass. Files psyscreen writes are not affected.
 */
final class TerminalSafe extends FilterWriter {
    TerminalSafe(Writer out) {
        super(out);
    }

    /** Whether {@code c} is shown as {@code \\uXXXX} instead of being sent to the terminal. */
    static boolean escaped(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    @Override
    public void write(int c) throws IOException {
        if (escaped((char) c)) {
            out.write(String.format("\\u%04X", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }
}
