# Reference values for psyscreen's NormBuilder, computed with base R and stats.
# Input: sample.csv next to this script: the GAD-7 totals, sex and grade of the 2,925 SCORED forms of a
# SYNTHETIC cohort (psyscreen generate-cohort --instrument gad7 --students 3000 --seed 20261207, then
# psyscreen score --instrument gad7; the columns gad7.total, sex and grade of scores.csv).
# Run from the repository root:  Rscript validation/src/test/resources/norms-build/reference.R
# Writes expected.csv: per group (sex x grade bands 4-6, 7-9, 10-12 and v1; groups below 130 left
# out) its n, mean, sd, quartiles (quantile type 7, R's default) and, per raw score 0..21, the
# mid-point percentile rank 100 * (mean(v < x) + mean(v == x) / 2) and the normalised T
# 50 + 10 * qnorm(PR / 100), PR held within 50/n of 0 and 100 for T. No random numbers are drawn.
here <- "validation/src/test/resources/norms-build"
s <- read.csv(file.path(here, "sample.csv"), colClasses = c("numeric", "character", "character"))
bands <- list(c("4", "5", "6"), c("7", "8", "9"), c("10", "11", "12"), c("v1"))
band_id <- c("4_6", "7_9", "10_12", "v1")
out <- NULL
for (sx in c("female", "male")) {
  for (b in seq_along(bands)) {
    v <- s$raw[s$sex == sx & s$grade %in% bands[[b]]]
    n <- length(v)
    id <- paste0(substr(sx, 1, 1), "_", band_id[b])
    q <- quantile(v, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
    for (x in 0:21) {
      pr <- 100 * (mean(v < x) + mean(v == x) / 2)
      held <- min(max(pr, 50 / n), 100 - 50 / n)
      t <- 50 + 10 * qnorm(held / 100)
      out <- rbind(out, data.frame(group = id, n = n, mean = mean(v), sd = sd(v), q25 = q[1], q50 = q[2],
                                   q75 = q[3], raw = x, percentile = pr, t = t))
    }
  }
}
fmt <- function(v) if (is.numeric(v)) sprintf("%.17g", v) else v
write.table(as.data.frame(lapply(out, fmt)), file.path(here, "expected.csv"), sep = ",",
            row.names = FALSE, quote = FALSE)
cat(sprintf("R %s: %d rows\n", getRversion(), nrow(out)))
