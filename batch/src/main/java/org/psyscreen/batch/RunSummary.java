package org.psyscreen.batch;

import java.util.List;
import java.util.Map;
import org.psyscreen.diagnostic.Problems;

/**
 * What a run did, with no personal data: counts in and out (and whether they match), counts by
 * form status, tier and problem code, the encoding read, hashes and versions, durations.
 *
 * @param input input file name as given
 * @param inputSha256 SHA-256 of the input bytes
 * @param encoding encoding detected
 * @param recordsIn data records read (blank lines excluded)
 * @param recordsOut output records written
 * @param blankLines blank lines skipped
 * @param fileProblems file-level problems; when any is an error nothing was scored or published
 * @param statusCounts per instrument, records by form status
 * @param tierCounts records by tier id ("none" for no tier)
 * @param codeCounts records by record-level problem code
 * @param outputs files written
 * @param policy policy id@version, or empty
 * @param keyId pseudonymisation key id, or empty when raw ids are output
 * @param engineVersion engine version
 * @param millis wall-clock duration of the run
 */
public record RunSummary(
        String input,
        String inputSha256,
        String encoding,
        long recordsIn,
        long recordsOut,
        long blankLines,
        Problems fileProblems,
        Map<String, Map<String, Long>> statusCounts,
        Map<String, Long> tierCounts,
        Map<String, Long> codeCounts,
        List<String> outputs,
        String policy,
        String keyId,
        String engineVersion,
        long millis) {

    /** A copy listing {@code files} as the run's outputs. */
    RunSummary withOutputs(List<String> files) {
        return new RunSummary(
                input,
                inputSha256,
                encoding,
                recordsIn,
                recordsOut,
                blankLines,
                fileProblems,
                statusCounts,
                tierCounts,
                codeCounts,
                List.copyOf(files),
                policy,
                keyId,
                engineVersion,
                millis);
    }

    /** {@return true when every record read produced exactly one output record} */
    public boolean countsMatch() {
        return recordsIn == recordsOut;
    }

    /** {@return true when the file could be scored} */
    public boolean scored() {
        return !fileProblems.hasErrors();
    }
}
