package org.psyscreen.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.psyscreen.diagnostic.ProblemCode;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.testing.Demo;

/** Ids a spreadsheet or a copy-paste altered are flagged (issue 12), with what was seen, never the id. */
class StudentIdsTest {
    static String suspect(String raw) {
        return StudentIds.suspect(raw, Pseudonymizer.canonical(raw));
    }

    @Test
    void alteredIdsAreRecognised() {
        assertThat(suspect("4.40524E+17")).contains("scientific notation");
        assertThat(suspect("4.40524e17")).contains("scientific notation");
        // 18 digits whose last three Excel zeroed: the check digit no longer fits.
        assertThat(suspect("440524200801011000")).contains("15 significant digits");
        assertThat(suspect("G440524200801011000")).contains("15 significant digits");
        assertThat(suspect("440524800101001")).contains("15-digit");
        assertThat(suspect("\uFEFFG4401000001")).contains("invisible");
        assertThat(suspect("G44010\u200B00001")).contains("invisible");
        assertThat(suspect("G4401000001\u0000")).contains("invisible");
    }

    @Test
    void ordinaryIdsAreNot() {
        assertThat(StudentIds.checksumValid("11010519491231002X")).isTrue();
        assertThat(suspect("11010519491231002X")).isNull();
        assertThat(suspect("G4401000001")).isNull();
        assertThat(suspect("2026-0001")).isNull();
    }

    @Test
    void theScreenerFlagsTheRecordNamingTheFieldNotTheValue() {
        Screener s = Screener.builder().instrument(Demo.PLAN).build();
        ScreeningResult r = s.newInput()
                .set(StudentField.STUDENT_ID, "4.40524E+17")
                .answer("demo", "q1", "1")
                .screen();
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.ROW_SUSPECT_ID);
            assertThat(p.field()).isEqualTo("student_id");
            assertThat(p.toString()).doesNotContain("4.40524");
        });
        assertThat(Pseudonymizer.canonical("\uFEFFg4401000001")).isEqualTo("G4401000001");
    }
}
