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

    /**
     * GB 11643-1999: an id with the form of an 18-character resident id and a valid birth date
     * inside is checked (ISO 7064 MOD 11-2); a wrong check character is PSY-2112 and a birth date that
     * differs from the record's is PSY-2113. Neither message holds the id or a date.
     */
    @Test
    void residentIdsAreCheckedWithoutBeingRevealed() {
        Screener s = Screener.builder().instrument(Demo.PLAN).build();
        // 11010519491231002X is valid; the same number ending in 1 is not.
        ScreeningResult wrong = s.screen(in ->
                in.set(StudentField.STUDENT_ID, "G110105194912310021").set(StudentField.BIRTH_DATE, "1949-12-31"));
        assertThat(wrong.problems()).extracting(RecordProblem::code).containsExactly(ProblemCode.ROW_ID_CHECK_DIGIT);
        assertThat(wrong.problems().get(0).toString()).doesNotContain("110105", "1949", "0021");

        ScreeningResult moved = s.screen(
                in -> in.set(StudentField.STUDENT_ID, "11010519491231002X").set(StudentField.BIRTH_DATE, "1950-01-01"));
        assertThat(moved.problems()).extracting(RecordProblem::code).containsExactly(ProblemCode.ROW_ID_BIRTH_DATE);
        assertThat(moved.problems().get(0).field()).isEqualTo("birth_date");
        assertThat(moved.problems().get(0).toString()).doesNotContain("1949", "1950");

        ScreeningResult right = s.screen(in ->
                in.set(StudentField.STUDENT_ID, "g11010519491231002x").set(StudentField.BIRTH_DATE, "1949/12/31"));
        assertThat(right.problems()).isEmpty();

        // A school's own 18-digit numbering (no valid date at positions 7-14) is not a resident id.
        for (String own : new String[] {"202600000000000001", "990105194912310021", "110105194913310021"}) {
            assertThat(s.screen(in -> in.set(StudentField.STUDENT_ID, own)).problems())
                    .as(own)
                    .isEmpty();
        }
        // Excel's rounded ids keep their own code (PSY-2111), not a second one.
        assertThat(s.screen(in -> in.set(StudentField.STUDENT_ID, "440524200801011000"))
                        .problems())
                .extracting(RecordProblem::code)
                .containsExactly(ProblemCode.ROW_SUSPECT_ID);
    }
}
