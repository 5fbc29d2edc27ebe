# Independent expected values for psyscreen's parametric norm tables, computed with R's pnorm.
# Means and SDs are typed here from the sources (shared/INSTRUMENTS.md section 2.7 for SCARED; the
# synthetic demo's invented values from its norm.yaml), not read from psyscreen's files.
#
# Regenerate (from the repository root):
#   Rscript norms/reference/parametric.R
# Rounding: T and percentile reported half up to the table's decimals (floor(x * 10^d + 0.5) / 10^d).

half_up <- function(x, d) floor(x * 10^d + 0.5) / 10^d
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))

TABLES <- list(
  list(key = "scared-total-cn-sex@1.0.0", out = "norms/src/main/resources/META-INF/psyscreen/norms/scared-total-cn-sex/vectors/lookup.json",
       max_raw = 82, groups = list(girls = c(15.6, 10.0, "female"), boys = c(14.4, 10.5, "male"))),
  list(key = "scared-generalized-anxiety-cn-sex@1.0.0", out = "norms/src/main/resources/META-INF/psyscreen/norms/scared-generalized-anxiety-cn-sex/vectors/lookup.json",
       max_raw = 18, groups = list(girls = c(3.8, 3.1, "female"), boys = c(3.5, 3.3, "male"))),
  list(key = "scared-separation-anxiety-cn-sex@1.0.0", out = "norms/src/main/resources/META-INF/psyscreen/norms/scared-separation-anxiety-cn-sex/vectors/lookup.json",
       max_raw = 16, groups = list(girls = c(3.6, 2.8, "female"), boys = c(3.1, 2.7, "male"))),
  list(key = "scared-social-anxiety-cn-sex@1.0.0", out = "norms/src/main/resources/META-INF/psyscreen/norms/scared-social-anxiety-cn-sex/vectors/lookup.json",
       max_raw = 14, groups = list(girls = c(4.0, 3.0, "female"), boys = c(3.6, 2.9, "male"))),
  list(key = "synthetic-demo-total-sex-age@1.0.0", out = "engine/src/test/resources/norms/good/demo-parametric.vectors.json",
       max_raw = 12, groups = list(female = c(4.6, 2.3, "female"), male = c(4.1, 2.5, "male")))
)

for (tb in TABLES) {
  tests <- character(0)
  id <- 0
  add <- function(s) { id <<- id + 1; tests <<- c(tests, sub("TCID", id, s, fixed = TRUE)) }
  for (g in names(tb$groups)) {
    m <- as.numeric(tb$groups[[g]][1]); s <- as.numeric(tb$groups[[g]][2]); sex <- tb$groups[[g]][3]
    for (raw in 0:tb$max_raw) {
      z <- (raw - m) / s
      t <- 50 + 10 * z
      p <- 100 * pnorm(z)
      add(sprintf('{"tcId": TCID, "comment": "%s raw %d", "student": {"sex": "%s", "birthDate": "2012-05-20", "testDate": "2024-09-01"}, "raw": %d, "expected": {"result": "NORMED", "group": "%s", "t": %s, "percentile": %s, "tExact": %s, "percentileExact": %s}}',
                  g, raw, sex, raw, g, num(half_up(t, 1)), num(half_up(p, 1)), num(t), num(p)))
    }
  }
  add('{"tcId": TCID, "comment": "age 7 is below every group (no nearest group)", "student": {"sex": "female", "birthDate": "2017-01-01", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NO_NORM", "reason": "NO_GROUP"}}')
  add('{"tcId": TCID, "comment": "age 17 is above every group", "student": {"sex": "male", "birthDate": "2007-01-01", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NO_NORM", "reason": "NO_GROUP"}}')
  add('{"tcId": TCID, "comment": "no date of birth: age unknown", "student": {"sex": "male", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NO_NORM", "reason": "MISSING_DEMOGRAPHIC"}}')
  add('{"tcId": TCID, "comment": "sex unknown", "student": {"birthDate": "2012-05-20", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NO_NORM", "reason": "MISSING_DEMOGRAPHIC"}}')
  add('{"tcId": TCID, "comment": "16th birthday on the test day counts: age 16 is inside", "student": {"sex": "female", "birthDate": "2008-09-01", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NORMED"}}')
  add('{"tcId": TCID, "comment": "17th birthday on the test day: age 17 is outside", "student": {"sex": "female", "birthDate": "2007-09-01", "testDate": "2024-09-01"}, "raw": 5, "expected": {"result": "NO_NORM", "reason": "NO_GROUP"}}')
  json <- c("{", '  "schema": "psyscreen-norm-vectors/1",', sprintf('  "table": "%s",', tb$key),
            sprintf('  "source": {"name": "R pnorm, norms/reference/parametric.R", "version": "%s"},', R.version.string),
            '  "tolerance": {"absolute": 1e-9, "applies": "tExact and percentileExact; reported t and percentile are compared exactly"},',
            '  "rounding": "half up to the table decimals (one decimal)",',
            '  "tests": [', paste0("    ", tests, collapse = ",\n"), "  ]", "}")
  writeLines(json, tb$out)
  cat(tb$key, id, "vectors\n")
}
