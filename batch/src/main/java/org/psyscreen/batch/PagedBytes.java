package org.psyscreen.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes held in fixed 32 KiB pages. A scored chunk is a few megabytes; one growing array would be
 * copied on every doubling and, past half a G1 region, allocated straight into the old generation
 * (a "humongous" object), which on a 1M-student file cost more collector time than the scoring.
 */
final class PagedBytes extends OutputStream {
    private static final int PAGE = 1 << 15;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] page = new byte[PAGE];
    private int used;

    @Override
    public void write(int b) {
        if (used == PAGE) {
            turn();
        }
        page[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == PAGE) {
                turn();
            }
            int n = Math.min(len, PAGE - used);
            System.arraycopy(b, off, page, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Writes the characters of {@code s}, all below 0x80, as bytes, without an intermediate array. */
    void writeAscii(String s) {
        int off = 0;
        int len = s.length();
        while (len > 0) {
            if (used == PAGE) {
                turn();
            }
            int n = Math.min(len, PAGE - used);
            for (int i = 0; i < n; i++) {
                page[used + i] = (byte) s.charAt(off + i);
            }
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Writes {@code v} in decimal, as {@link Long#toString(long)} prints it, without a string. */
    void writeDigits(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                writeAscii(Long.toString(v));
                return;
            }
            write('-');
            v = -v;
        }
        int n = 1;
        for (long x = v; x >= 10; x /= 10) {
            n++;
        }
        if (PAGE - used < n) { // across a page end: through a small array (full pages stay full)
            byte[] digits = new byte[n];
            for (int i = n - 1; i >= 0; i--, v /= 10) {
                digits[i] = (byte) ('0' + v % 10);
            }
            write(digits, 0, n);
            return;
        }
        for (int i = used + n - 1; i >= used; i--, v /= 10) {
            page[i] = (byte) ('0' + v % 10);
        }
        used += n;
    }

    private void turn() {
        full.add(page);
        page = new byte[PAGE];
        used = 0;
    }

    /** Writes every byte held, in order. */
    void writeTo(OutputStream out) throws IOException {
        for (byte[] p : full) {
            out.write(p);
        }
        out.write(page, 0, used);
    }
}
