package org.psyscreen.diagnostic;

/**
 * Stable problem codes. A code is never reused or renumbered once released: tools and people
 * search for them. Ranges: {@code PSY-10xx} reading a file, {@code PSY-11xx} field constraints,
 * {@code PSY-12xx} instrument-definition semantics, {@code PSY-20xx}/{@code PSY-21xx} response files
 * and their records, {@code PSY-30xx} a school's roster for the records store, {@code PSY-31xx}
 * warning cases recorded by people.
 */
public enum ProblemCode {
    // --- reading files (PSY-10xx)
    /** The file could not be read at all. */
    FILE_UNREADABLE(1001, "file cannot be read"),
    /** The file is larger than definitions may be. */
    FILE_TOO_LARGE(1002, "file too large"),
    /** YAML or JSON syntax error. */
    SYNTAX(1003, "syntax error"),
    /** The same key appears twice in one mapping. */
    DUPLICATE_KEY(1004, "duplicate key"),
    /** YAML anchors, aliases or merge keys are not allowed. */
    YAML_ALIAS(1005, "YAML alias"),
    /** YAML tags are not allowed. */
    YAML_TAG(1006, "YAML tag"),
    /** More than one YAML document in one file. */
    MULTIPLE_DOCUMENTS(1007, "more than one document"),
    /** Nesting, string or number limits exceeded. */
    LIMIT_EXCEEDED(1008, "size limit exceeded"),
    /** A field this format does not know (often a typo). */
    UNKNOWN_FIELD(1009, "unknown field"),
    /** A required field is absent. */
    MISSING_FIELD(1010, "missing field"),
    /** A value of the wrong type (text where a number is expected, a list where a map is ...). */
    WRONG_TYPE(1011, "wrong type"),
    /** A number that is not finite or not written canonically. */
    BAD_NUMBER(1012, "bad number"),
    /** The {@code format} field names a format this version does not read. */
    UNSUPPORTED_FORMAT(1013, "unsupported format"),
    /** The file is not valid UTF-8. */
    ENCODING(1014, "not UTF-8"),
    /** A value is not one of the allowed words. */
    UNKNOWN_VALUE(1015, "value not allowed"),
    /** Two files give the same id and version different content. */
    DUPLICATE_DEFINITION(1016, "same id and version, different content"),
    /** No bundled data jar was found where bundled data was asked for (an embedder forgot them). */
    NO_BUNDLED_DATA(1017, "no bundled data found"),
    /** A mapping maps two headers to one psyscreen column (two ids, two copies of one item). */
    MAPPING_DUPLICATE_TARGET(1018, "two headers mapped to one column"),
    /**
     * A mapped header names an item number ({@code 第3题}) other than the item it is mapped to: two
     * item columns swapped in the mapping would score the wrong answers.
     */
    MAPPING_ITEM_NUMBER(1019, "header's item number differs from its item"),

    // --- field constraints (PSY-11xx), reported through Jakarta Validation
    /** An identifier does not have the required shape. */
    BAD_IDENTIFIER(1101, "bad identifier"),
    /** A value outside its allowed range or size. */
    OUT_OF_RANGE(1102, "value out of range"),
    /** A text field is empty. */
    BLANK(1103, "empty text"),
    /** A version is not of the form MAJOR.MINOR.PATCH. */
    BAD_VERSION(1104, "bad version"),
    /** A DOI does not have the form 10.NNNN/suffix. */
    BAD_DOI(1105, "bad DOI"),

    // --- instrument semantics (PSY-12xx), one rule class each
    /** Two items, scales, response sets, citations or checks share an id. */
    DUPLICATE_ID(1201, "duplicate id"),
    /** An item names a response set that is not declared. */
    UNKNOWN_RESPONSE_SET(1202, "unknown response set"),
    /** A response set repeats a code, or gives two codes one value. */
    RESPONSE_CODES_NOT_DISTINCT(1203, "response codes not distinct"),
    /** A response set with fewer than two values (no range to reverse or score). */
    RESPONSE_SET_TOO_SMALL(1204, "response set too small"),
    /** A scale lists an item that is not declared. */
    UNKNOWN_ITEM(1205, "unknown item"),
    /** A scale has neither items nor components, or both. */
    SCALE_SOURCE(1206, "scale must have items or components"),
    /** A scale lists the same item or component twice. */
    SCALE_REPEATS_MEMBER(1207, "scale repeats a member"),
    /** A derived scale names a component scale that is not declared. */
    UNKNOWN_SCALE(1208, "unknown scale"),
    /** Derived scales refer to each other in a cycle. */
    SCALE_CYCLE(1209, "scales form a cycle"),
    /** A missing-data rule that can never be met, or allows every item to be missing. */
    MISSING_RULE_IMPOSSIBLE(1210, "missing-data rule impossible"),
    /** Proration without a rounding rule, or a rounding rule without proration. */
    PRORATION_ROUNDING(1211, "proration needs a rounding rule"),
    /** A critical-item condition that no allowed answer can meet. */
    CRITICAL_UNREACHABLE(1212, "critical condition can never be true"),
    /** A critical-item condition that every allowed answer meets. */
    CRITICAL_ALWAYS(1213, "critical condition is always true"),
    /** A validity threshold that can never or always be met. */
    VALIDITY_THRESHOLD(1214, "validity threshold unreachable"),
    /** A validity check lacks a field its kind needs, or has one it does not use. */
    VALIDITY_FIELDS(1215, "validity check fields do not match its kind"),
    /** A special code (refused, don't know) collides with a response code. */
    SPECIAL_CODE_COLLISION(1216, "special code collides with a response code"),
    /** A {@code source} names a citation that is not declared. */
    UNKNOWN_CITATION(1217, "unknown citation"),
    /** An item is used by no scale, critical item or validity check. */
    UNUSED_ITEM(1218, "item not used"),
    /** A derived scale cannot be prorated. */
    DERIVED_PRORATION(1219, "derived scale cannot prorate"),
    /** An item is reverse-keyed but its response values have gaps, so reversal is ambiguous. */
    REVERSE_GAPS(1220, "reverse key over a gapped range"),
    /** A scale mixes items whose response ranges differ, so a sum is meaningless. */
    MIXED_RANGES(1221, "scale mixes response ranges"),
    /** An inconsistency pair compares an item with itself. */
    PAIR_SELF(1222, "pair compares an item with itself"),
    /** A scale's {@code reverse} list names an item that is not a forward-keyed member of that scale. */
    SCALE_REVERSE_NOT_MEMBER(1223, "scale reverses an item it does not hold forward"),
    /**
     * A Mahalanobis check's reference cannot be used: its sizes disagree with its items, or its
     * covariance is not symmetric and positive definite.
     */
    VALIDITY_REFERENCE(1224, "Mahalanobis reference is not a usable sample"),
    /**
     * A scale's severity levels do not cover it: fewer than two, not rising, the first not at the
     * scale's lowest score, one beyond its highest, or a repeated id.
     */
    SEVERITY_BANDS(1225, "severity levels do not cover the scale"),

    // --- norm tables (PSY-13xx), one rule class each
    /** The table names an instrument (id and version) that is not known. */
    NORM_UNKNOWN_INSTRUMENT(1301, "unknown instrument for norm table"),
    /** The table names a scale the instrument does not have. */
    NORM_UNKNOWN_SCALE(1302, "unknown scale for norm table"),
    /** Raw-score rows leave a gap. */
    NORM_GAP(1303, "gap between raw-score rows"),
    /** Raw-score rows overlap. */
    NORM_OVERLAP(1304, "raw-score rows overlap"),
    /** The rows do not cover exactly the scale's possible raw scores. */
    NORM_RANGE_MISMATCH(1305, "rows do not match the scale's range"),
    /** A T-score or percentile goes down as the raw score goes up. */
    NORM_NOT_MONOTONE(1306, "T or percentile decreases"),
    /** A percentile outside 0..100 or a T-score outside 0..100. */
    NORM_VALUE_RANGE(1307, "T or percentile out of range"),
    /** A group with no cells: no rows, or no mean and SD. */
    NORM_EMPTY_GROUP(1308, "group has no cells"),
    /** A standard deviation that is not positive. */
    NORM_SD(1309, "standard deviation not positive"),
    /** Two groups that can both match one student. */
    NORM_GROUPS_OVERLAP(1310, "groups overlap"),
    /** A group has fields its table kind does not use. */
    NORM_KIND_FIELDS(1311, "group fields do not match the table kind"),
    /** A synthetic table that does not say so in its id and name, or a real one that does. */
    NORM_SYNTHETIC_LABEL(1312, "synthetic label"),
    /** A grade band that is reversed, mixes tracks or names an unknown grade. */
    NORM_GRADE_BAND(1313, "bad grade band"),
    /** An age band that is reversed or outside school ages. */
    NORM_AGE_BAND(1314, "bad age band"),
    /** A verified table whose citation lacks table or page, or an unverified real table (warning). */
    NORM_CITATION(1315, "citation not down to table and page"),
    /** Two groups share an id. */
    NORM_DUPLICATE_GROUP(1316, "duplicate group id"),

    // --- tier policies (PSY-14xx), one rule class each
    /** The policy expects an instrument (id and version) that is not known. */
    POLICY_UNKNOWN_INSTRUMENT(1401, "unknown instrument for policy"),
    /** A condition names a scale, item or critical item the instrument does not have. */
    POLICY_UNKNOWN_REFERENCE(1402, "unknown scale, item or critical item"),
    /** A condition names an instrument the policy does not list. */
    POLICY_INSTRUMENT_NOT_LISTED(1403, "instrument not listed by the policy"),
    /** A rule or mapping names a tier the policy does not declare. */
    POLICY_UNKNOWN_TIER(1404, "unknown tier"),
    /** Not exactly three tiers with severities 1, 2 and 3. */
    POLICY_TIERS(1405, "tiers must be three, severities 1 to 3"),
    /** Positive critical items must go to the most severe tier. */
    POLICY_CRITICAL_TIER(1406, "critical items must go to the most severe tier"),
    /** A follow-up (incomplete, invalid, ...) has no tier: the student would be left without one. */
    POLICY_FOLLOW_UP_MISSING(1407, "follow-up without a tier"),
    /** A threshold no value of the scale or item can meet, or every value meets. */
    POLICY_THRESHOLD(1408, "threshold outside the scale's range"),
    /** A rule that can never change a decision: a rule at least as severe fires whenever it does. */
    POLICY_RULE_SHADOWED(1409, "rule shadowed by another"),
    /** Two rules share an id. */
    POLICY_DUPLICATE_RULE(1410, "duplicate rule id"),
    /** A T-score or percentile condition without a norm table, or a threshold outside 0..100. */
    POLICY_UNIT(1411, "T or percentile condition without a norm table or out of range"),
    /** A norm table the policy needs is unknown, synthetic or unverified without consent. */
    POLICY_NORM(1412, "norm table not fit for decisions"),
    /** Effective dates run backwards. */
    POLICY_EFFECTIVE_DATES(1413, "effective dates reversed"),
    /** Two versions of one policy, or two policies for one region, in force on the same day. */
    POLICY_OVERLAP(1414, "policies in force on the same day"),
    /** A rule's source names no declared citation. */
    POLICY_UNKNOWN_CITATION(1415, "unknown citation"),
    /** A condition mapping does not say what it tests, or says two things. */
    POLICY_CONDITION_SHAPE(1416, "condition must test exactly one thing"),
    /** A condition uses an attribute the policy does not declare. */
    POLICY_UNDECLARED_ATTRIBUTE(1417, "attribute not declared"),
    /** A policy with an empty rule list (it would label every scored student "no risk identified"). */
    POLICY_NO_RULES(1418, "policy has no rule"),

    // --- putting loaded parts together (PSY-15xx)
    /** A screener's policy names an instrument (or a version of one) the screener does not plan. */
    SCREENER_INSTRUMENT_NOT_PLANNED(1501, "policy instrument not planned by the screener"),
    /** A policy was asked for by an id that no loaded policy has. */
    UNKNOWN_POLICY(1502, "no policy with that id"),

    // --- response files, whole file (PSY-20xx): nothing is scored
    /** The response file is empty (0 bytes). */
    FILE_EMPTY(2001, "empty response file"),
    /** The file is neither valid UTF-8 nor valid GB18030 (or has a byte-order mark it contradicts). */
    FILE_ENCODING(2002, "undecodable bytes"),
    /** NUL bytes: a binary file or UTF-16 without a byte-order mark. */
    FILE_BINARY(2003, "binary content"),
    /** A quoted field is not closed before the end of the file (truncated upload). */
    FILE_UNCLOSED_QUOTE(2004, "unclosed quote"),
    /** Two header columns have the same name. */
    FILE_DUPLICATE_COLUMN(2005, "duplicate column"),
    /** A header column that is neither a known field nor an item of an expected instrument. */
    FILE_UNKNOWN_COLUMN(2006, "unknown column"),
    /** A column the run needs (student id, an item of an expected instrument) is absent. */
    FILE_MISSING_COLUMN(2007, "missing column"),
    /** The file changed between the checking pass and the scoring pass. */
    FILE_CHANGED(2008, "input changed during the run"),
    /** Item columns coded differently from the definition (option numbers 1..4 where it says 0..3). */
    FILE_CODED_DIFFERENTLY(2009, "answers coded differently from the definition"),
    /** A line longer than the reader holds (not a survey export). */
    FILE_LINE_TOO_LONG(2010, "line too long"),
    /** Item columns hold option text where the definition expects codes, and no recoding was given. */
    FILE_TEXT_ANSWERS(2011, "option text where codes are expected"),
    /** A JSON Lines input has a line that is not one JSON object of cells (text, numbers, true/false, null). */
    FILE_NOT_JSON_LINES(2012, "line is not a JSON object of cells"),
    /** An .xlsx input that cannot be read: not a workbook, a part missing, no such sheet, a damaged row. */
    FILE_UNREADABLE_WORKBOOK(2013, "unreadable workbook"),
    /**
     * A FHIR input psyscreen cannot read as QuestionnaireResponses: not FHIR JSON, another resource, no
     * subject identifier, a questionnaire or an item the run's instruments do not have, or more than one
     * answer to an item. The file is refused, naming the line or entry and the element.
     */
    FILE_NOT_QUESTIONNAIRE_RESPONSES(2014, "not QuestionnaireResponses psyscreen can read"),

    // --- response files, one record (PSY-21xx): the record is output, flagged, and the run goes on
    /** The record has fewer fields than the header. */
    ROW_MISSING_FIELDS(2101, "record has fewer fields than the header"),
    /** The record has more fields than the header. */
    ROW_EXTRA_FIELDS(2102, "record has more fields than the header"),
    /** The record repeats the header (concatenated exports). */
    ROW_HEADER_REPEATED(2103, "header repeated as a record"),
    /** The student id is empty. */
    ROW_NO_ID(2104, "empty student id"),
    /** The same student id appears on more than one record; all copies are kept and flagged. */
    ROW_DUPLICATE_ID(2105, "duplicated student id"),
    /** A grade, sex or date that cannot be read. */
    ROW_BAD_DEMOGRAPHIC(2106, "unreadable grade, sex or date"),
    /** An age implausible for the grade. */
    ROW_AGE_GRADE(2107, "age contradicts grade"),
    /** A field is longer than any answer or identifier can be. */
    ROW_FIELD_TOO_LONG(2108, "field too long"),
    /** An attribute cell holds a value that is neither a recognised yes nor a recognised no. */
    ROW_BAD_ATTRIBUTE(2109, "unrecognised attribute value"),
    /** No loaded version of the policy is in force on the record's test date (or it has none). */
    ROW_POLICY_NOT_IN_FORCE(2110, "no policy version in force on the test date"),
    /**
     * The student id looks altered: written in scientific notation or rounded by Excel, a 15-digit
     * legacy resident-id form, or holding invisible characters (BOM, zero-width, NUL).
     */
    ROW_SUSPECT_ID(2111, "student id looks altered"),
    /**
     * The student id has the shape of an 18-character resident id (optionally behind a one-letter
     * prefix, as national student numbers have) with a valid birth date inside, but its check digit
     * (GB 11643-1999, ISO 7064 MOD 11-2) is wrong: a typing error, or an id of another student.
     */
    ROW_ID_CHECK_DIGIT(2112, "resident-id check digit wrong"),
    /** The birth date inside an 18-character resident id differs from the record's birth date. */
    ROW_ID_BIRTH_DATE(2113, "birth date differs from the one in the resident id"),
    /** The response time cannot be read as a duration ({@code 397}, {@code 397秒}, {@code 6分37秒}, {@code 0:06:37}). */
    ROW_BAD_RESPONSE_TIME(2114, "unreadable response time"),

    // --- a school's roster imported into the records store (PSY-30xx): refused whole, nothing written
    /** The roster cannot be read: not a CSV, or a column it needs (student_id, school, grade, class) is absent. */
    ROSTER_UNREADABLE(3001, "roster cannot be read"),
    /** The roster names the same student twice (ids compared as the pseudonym key compares them). */
    ROSTER_DUPLICATE_ID(3002, "student twice on the roster"),
    /** A roster row without its id, school, grade or class, or with an unreadable grade or attribute. */
    ROSTER_BAD_ROW(3003, "roster row incomplete or unreadable"),
    /** A roster row of another school than the one the roster is imported for. */
    ROSTER_OTHER_SCHOOL(3004, "roster row of another school"),
    /** The roster is pseudonymised with another key than the one the store holds students under. */
    ROSTER_OTHER_KEY(3005, "roster under another key"),
    /**
     * A roster for a school the store has never seen (no screening, no roster) while it knows others:
     * a misspelt school would otherwise begin a second school. A new school is imported on purpose.
     */
    ROSTER_UNKNOWN_SCHOOL(3006, "roster of a school the store does not know"),

    // --- warning cases recorded by people (PSY-31xx): refused, nothing recorded
    /** A report on a student the school neither has on its roster nor screened. */
    CASE_UNKNOWN_STUDENT(3101, "student unknown to the school"),
    /** A tier the case's policy does not have. */
    CASE_UNKNOWN_TIER(3102, "tier not in the policy"),
    /** An assessment dated before the case was (re-)opened. */
    CASE_EVENT_BEFORE_OPENING(3103, "dated before the case opened"),
    /** An assessment on a student with no open or monitored case. */
    CASE_NOT_OPEN(3104, "no open case"),
    /**
     * A case write by a role the policy's {@code caseRoles} does not allow for it (a class teacher closing
     * a case where counsellors close cases), or an assessment by a role that may not assess (by default
     * only a counsellor, a doctor or the regional centre).
     */
    CASE_ROLE_NOT_ALLOWED(3105, "role may not do this"),
    /** A case plan without an owner (一人一表、专人专案: every case has someone who follows it). */
    CASE_NO_OWNER(3106, "case plan without an owner"),
    /** The parents' acknowledgement recorded before they were notified. */
    CASE_NOT_NOTIFIED(3107, "acknowledged before notified"),
    /** An overdue list asked of a policy that declares no follow-up interval for a tier. */
    CASE_NO_INTERVAL(3108, "no follow-up interval for the tier"),
    /**
     * A policy's {@code caseRoles} names an action or a role the records store does not know (a misspelt
     * rule is never read as "anyone may").
     */
    CASE_ROLES_UNKNOWN_WORD(3109, "policy's case roles name an unknown action or role"),

    // --- who may open a store (PSY-32xx): refused before anything is read or written
    /**
     * A SQLite records file (or its write-ahead log) that other users of the machine may read: the file
     * is the store's only boundary, so it must be its owner's alone.
     */
    STORE_READABLE_BY_OTHERS(3201, "records file readable by others"),

    /**
     * A purge was asked of a store that has no retention period: nothing says what is past it, and
     * guessing one would delete records the data owner may have to keep.
     */
    RETENTION_NOT_SET(3202, "no retention period set"),

    /** A retention period outside 0 to 30 school years after leaving. */
    RETENTION_OUT_OF_RANGE(3203, "retention period out of range"),

    /** A key rotation named an old key that is not the one the store holds students under. */
    ROTATION_NOT_THE_STORES_KEY(3204, "old key is not the store's key"),

    /**
     * A key rotation was given ids that do not cover every student of the store: those left out could
     * never be found again under the new key, so nothing is rotated.
     */
    ROTATION_STUDENTS_LEFT_OUT(3205, "students left out of a key rotation"),

    /** Database principals were asked of a SQLite store, which has no users: the file is its boundary. */
    ACCESS_NEEDS_SERVER(3206, "principals need a PostgreSQL store"),

    /**
     * A principal's login is not a login role of the server, is a superuser or bypasses row-level
     * security (it would see every row), or the server lacks psyscreen's group roles.
     */
    PRINCIPAL_NOT_A_LOGIN(3207, "principal is not a plain login role"),

    /** A principal was granted a school or region of which the store holds nothing (a misspelt code). */
    PRINCIPAL_OUTSIDE_STORE(3208, "principal outside the store's schools and regions"),

    /** A store opened for a principal was asked for a scope outside the principal's. */
    PRINCIPAL_SCOPE(3209, "scope outside the principal's"),

    /**
     * A store opened for a principal was asked for what only its owner does (imports, grants, purges, key
     * rotation, the whole audit log), or for a write on PostgreSQL, where a principal reads only.
     */
    PRINCIPAL_OWNER_ONLY(3210, "the store owner's to do"),

    /** A store opened for a principal on PostgreSQL through another login than the principal's. */
    PRINCIPAL_NOT_CONNECTED(3211, "connected as another login than the principal's");

    private final int number;
    private final String summary;

    ProblemCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    /** {@return the printed id, e.g. {@code PSY-1205}} */
    public String id() {
        return "PSY-" + number;
    }

    /** {@return the number part of the id} */
    public int number() {
        return number;
    }

    /** {@return a short summary of what the code means} */
    public String summary() {
        return summary;
    }

    /**
     * {@return the summary in Chinese for the record problems a counsellor sees beside a decision
     * (PSY-21xx); {@code null} for codes that concern files, definitions, norms and policies}
     */
    public String summaryZh() {
        return switch (this) {
            case ROW_MISSING_FIELDS -> "记录字段少于表头（整行可能被截断）";
            case ROW_EXTRA_FIELDS -> "记录字段多于表头（可能有多余的逗号）";
            case ROW_HEADER_REPEATED -> "表头在数据中重复出现";
            case ROW_NO_ID -> "学号为空";
            case ROW_DUPLICATE_ID -> "学号重复";
            case ROW_BAD_DEMOGRAPHIC -> "年级、性别或日期无法识别";
            case ROW_AGE_GRADE -> "年龄与年级不符";
            case ROW_FIELD_TOO_LONG -> "字段过长";
            case ROW_BAD_ATTRIBUTE -> "属性值无法识别";
            case ROW_POLICY_NOT_IN_FORCE -> "测评日期无适用的策略版本";
            case ROW_SUSPECT_ID -> "学号疑似被改动";
            case ROW_ID_CHECK_DIGIT -> "身份证号校验位错误";
            case ROW_ID_BIRTH_DATE -> "出生日期与身份证号不符";
            case ROW_BAD_RESPONSE_TIME -> "答题时长无法识别";
            default -> null;
        };
    }

    /**
     * {@return whether a record flagged with this code is unscorable: its fields cannot be trusted to sit in
     * their columns, so no answer is read by position and every form is INVALID with every critical
     * item UNKNOWN} Only the record codes that say a row is shifted, cut or not a student are.
     */
    public boolean makesRecordUnscorable() {
        return this == ROW_MISSING_FIELDS || this == ROW_EXTRA_FIELDS || this == ROW_HEADER_REPEATED;
    }
}
