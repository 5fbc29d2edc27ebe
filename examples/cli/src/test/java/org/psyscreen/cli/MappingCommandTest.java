package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psyscreen mapping writes a starting mapping from an export's header (issue 14); the bundled
 * exports' starting mappings are checked in {@link PlatformExportTest}.
 */
class MappingCommandTest {
    static final Path EXPORT = Path.of("../wjx/wjx-export.csv");

    @Test
    void withoutInstrumentsItSaysWhatToGive() {
        MainTest.Run r = MainTest.run("mapping", EXPORT.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--policy ID or --instrument ID");
    }

    @Test
    void studentFieldsAreRecognisedBehindAQuestionNumberAndPlatformColumnsIgnored(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(
                dir.resolve("export.csv"), "编号,开始答题时间,结束答题时间,IP,UA,1.学号,2、年级,3．性别,4.PHQ-9 第1题,\n1,x,y,z,w,a,b,c,d,\n");
        MainTest.Run r = MainTest.run("mapping", "--instrument", "phq9", export.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"1.学号\": student_id", "\"2、年级\": grade", "\"3．性别\": sex", "\"结束答题时间\": test_date")
                .contains("ignore: [\"编号\", \"开始答题时间\", \"IP\", \"UA\", \"\"]")
                .contains("\"4.PHQ-9 第1题\": \"?\"");
    }
}
