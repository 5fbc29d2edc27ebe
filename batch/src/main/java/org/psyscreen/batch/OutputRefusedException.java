package org.psyscreen.batch;

import java.io.IOException;

/**
 * The output folder cannot be used: another run holds it, it is not empty and was not written by
 * psyscreen, it holds a previous run and replacing was not asked for, the input is inside it, or it
 * cannot be written. Nothing was scored or published. The message names the folder, never data.
 */
public final class OutputRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputRefusedException(String message) {
        super(message);
    }
}
