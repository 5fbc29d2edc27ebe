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
