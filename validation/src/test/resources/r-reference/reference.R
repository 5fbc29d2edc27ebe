# Reference values for psyscreen-validation's statistics, computed with R's psych and stats packages.
# Input: the SYNTHETIC demo cohort (examples/demo/cohort.csv). Run from the repository root:
#   Rscript validation/src/test/resources/r-reference/reference.R
# Writes, next to this script: <scale>.csv (keyed item values of the complete respondents, and sex)
# and reference.txt (name = value, 12 significant digits). No random numbers are drawn.
suppressMessages(library(psych))
here <- "validation/src/test/resources/r-reference"
cohort <- read.csv("examples/demo/cohort.csv", colClasses = "character", check.names = FALSE)
# Full-width digits read as digits, as psyscreen reads them; anything outside 0..max is missing.
digits <- function(v) as.integer(chartr("０１２３４５６７８９", "0123456789", v))
out <- c(sprintf("R = %s", R.version.string), sprintf("psych = %s", packageVersion("psych")))
put <- function(name, value) out <<- c(out, sprintf("%s = %.12g", name, value))

analyse <- function(name, items, max, reversed = character(0)) {
  x <- sapply(items, function(i) { v <- digits(cohort[[i]]); v[!(v %in% 0:max)] <- NA; v })
  for (r in reversed) x[, r] <- max - x[, r]
  keep <- complete.cases(x) & cohort$sex %in% c("female", "male")
  x <- x[keep, ]
  sex <- cohort$sex[keep]
  write.csv(data.frame(sex = sex, x, check.names = FALSE), file.path(here, paste0(name, ".csv")),
            row.names = FALSE, quote = FALSE)
  a <- suppressWarnings(alpha(x, check.keys = FALSE))
  put(paste0(name, ".n"), nrow(x))
  put(paste0(name, ".alpha"), a$total$raw_alpha)
  ci <- psych:::alpha.ci(a$total$raw_alpha, nrow(x), ncol(x))
  put(paste0(name, ".alpha.lower"), ci$lower.ci)
  put(paste0(name, ".alpha.upper"), ci$upper.ci)
  total <- rowSums(x)
  put(paste0(name, ".sem"), sd(total) * sqrt(1 - a$total$raw_alpha))
  for (j in seq_along(items)) {
    put(paste0(name, ".", items[j], ".r.drop"), a$item.stats$r.drop[j])
    put(paste0(name, ".", items[j], ".alpha.drop"), a$alpha.drop$raw_alpha[j])
    put(paste0(name, ".", items[j], ".mean"), mean(x[, j]))
    put(paste0(name, ".", items[j], ".sd"), sd(x[, j]))
  }
  # Omega total, one factor: psych's omega with minres, and the same from fa(fm = "pa") iterated to
  # convergence (the fixed point psyscreen computes).
  # flip = FALSE: psych flips negatively loading items by default, which would hide a mis-keyed item.
  om <- suppressWarnings(suppressMessages(omega(x, nfactors = 1, flip = FALSE, plot = FALSE)))
  put(paste0(name, ".omega.tot.minres"), om$omega.tot)
  f <- suppressWarnings(fa(cor(x), nfactors = 1, fm = "pa", max.iter = 100000, min.err = 1e-14))
  put(paste0(name, ".omega.tot.pa"), (sum(cor(x)) - sum(f$uniquenesses)) / sum(cor(x)))
  # Mantel-Haenszel by sex, each item endorsed (above its lowest value), strata = scale total.
  for (j in seq_along(items)) {
    endorsed <- factor(x[, j] > 0, levels = c(TRUE, FALSE))
    group <- factor(sex, levels = c("male", "female"))
    strata <- factor(total)
    t <- table(group, endorsed, strata)
    t <- t[, , apply(t, 3, function(s) sum(s) > 1 && all(rowSums(s) > 0)), drop = FALSE]
    mh <- mantelhaen.test(t)
    put(paste0(name, ".", items[j], ".mh.or"), mh$estimate)
    put(paste0(name, ".", items[j], ".mh.chisq"), mh$statistic)
    put(paste0(name, ".", items[j], ".mh.p"), mh$p.value)
    put(paste0(name, ".", items[j], ".mh.se.log"), (log(mh$conf.int[2]) - log(mh$estimate)) / qnorm(0.975))
  }
}
analyse("gad7", paste0("gad7.q", 1:7), 3)
analyse("gad7-miskeyed", paste0("gad7.q", 1:7), 3, reversed = "gad7.q3")
analyse("scared-panic", paste0("scared.q", c(1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38)), 2)
writeLines(out, file.path(here, "reference.txt"))
