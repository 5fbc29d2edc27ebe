# The end-to-end job of benchmarks/e2e/run.sh in R data.table + vectorised base R, for comparison:
# PHQ-A, GAD-7 and SCARED totals (every item required; codes outside the declared ones make the form
# INVALID), and example policy A's tier (critical items first; unscorable forms never "none").
# Written as an R user who cares about speed would: fread with its own column types, one pass per
# column accumulating sums and counts (no row-by-item matrices), string clean-up only on the cells
# that need it. With SCORER=psych the totals come from psych::scoreItems instead (what many
# research scripts use); statuses, critical items and tiers stay the same.
# With MODE=wide the input is the wide platform export of run.sh's COHORT=wide (wide_export.py):
# headers renamed to psyscreen's own names first, as an R user would, then CES-D's total as well
# (20 items, 4, 8, 12 and 16 reverse-keyed) and SCARED's five subscales in the output.
# Usage: Rscript score_datatable.R INPUT.csv OUTPUT.csv THREADS [psych|wide]
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
setDTthreads(as.integer(args[3]))
use_psych <- length(args) >= 4 && args[4] == "psych"
wide <- length(args) >= 4 && args[4] == "wide"
# Default column types: fread reads an all-integer item column as integers (blanks become NA); a
# column holding anything else (full-width digits, stray text) stays character and is cleaned below.
d <- fread(args[1], na.strings = "", encoding = "UTF-8", fill = TRUE)
n <- nrow(d)
if (wide) {
  h <- names(d)
  h <- sub("^PHQA第(.*)题$", "phqa.q\\1", h); h <- sub("^PHQA_(.*)$", "phqa.\\1", h)
  h <- sub("^GAD7_(.*)$", "gad7.q\\1", h); h <- sub("^SCARED_Q(.*)$", "scared.q\\1", h)
  h <- sub("^CESD-(.*)$", "cesd.q\\1", h)
  setnames(d, h)
}

# One item column: its value (NA when blank or not a declared code), blank, invalid.
one <- function(x, allowed) {
  if (is.character(x)) {
    a <- as.character(allowed)
    m <- match(x, a)
    odd <- which(is.na(m) & !is.na(x)) # not a plain code: full-width digits, spaces, text
    if (length(odd)) {
      y <- trimws(chartr("０１２３４５６７８９", "0123456789", x[odd]))
      m[odd] <- match(y, a)
      x[odd] <- y
    }
    blank <- is.na(x) | x == ""
  } else {
    m <- match(x, allowed)
    blank <- is.na(x)
  }
  list(v = allowed[m], blank = blank, invalid = is.na(m) & !blank)
}
# An instrument: item values, and per student the counts of answered, invalid and unusable items
# (status = NOT_ADMINISTERED when nothing answered, INVALID, INCOMPLETE, SCORED). `extra` items
# count towards answered/invalid but are not required (PHQ-A's supplementary questions).
form <- function(prefix, items, allowed, extra = list()) {
  answered <- integer(n); invalid <- integer(n); missing <- integer(n); v <- list()
  for (it in items) {
    x <- one(d[[paste0(prefix, ".", it)]], allowed)
    v[[it]] <- x$v
    answered <- answered + !x$blank; invalid <- invalid + x$invalid; missing <- missing + is.na(x$v)
  }
  for (it in names(extra)) {
    x <- one(d[[paste0(prefix, ".", it)]], extra[[it]])
    v[[it]] <- x$v
    answered <- answered + !x$blank; invalid <- invalid + x$invalid
  }
  scored <- answered > 0 & invalid == 0 & missing == 0
  list(v = v, items = as.character(items), scored = scored, min = min(allowed), max = max(allowed))
}
total <- function(f, items = f$items) {
  if (use_psych) {
    m <- do.call(cbind, f$v[items])
    k <- matrix(1, ncol = 1, nrow = length(items), dimnames = list(items, "total"))
    colnames(m) <- items
    # impute = "none" sums the answered items; the every-item-required rule is applied after, as in
    # instruments/reference/score.R (hence the warning is expected and muted).
    s <- suppressWarnings(psych::scoreItems(k, m, totals = TRUE, impute = "none", min = f$min, max = f$max))
    s <- as.integer(round(s$scores[, 1]))
    s[rowSums(is.na(m)) > 0] <- NA
    return(s)
  }
  Reduce(`+`, f$v[items])
}
pa <- form("phqa", paste0("q", 1:9), 0:3,
           list(s_down_past_year = 0:1, s_difficulty = 0:3, s_ideation_month = 0:1, s_attempt_ever = 0:1))
ga <- form("gad7", paste0("q", 1:7), 0:3)
sc <- form("scared", paste0("q", 1:41), 0:2)
phqa_total <- total(pa)
gad7_total <- total(ga)
sub <- function(items) total(sc, paste0("q", items))
pn <- sub(c(1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38)); gd <- sub(c(5, 7, 14, 21, 23, 28, 33, 35, 37))
sp <- sub(c(4, 8, 13, 16, 20, 25, 29, 31)); so <- sub(c(3, 10, 26, 32, 39, 40, 41)); sh <- sub(c(2, 11, 17, 36))
scared_total <- pn + gd + sp + so + sh
q9 <- pa$v$q9; idea <- pa$v$s_ideation_month; att <- pa$v$s_attempt_ever
critical <- (!is.na(q9) & q9 >= 1) | (!is.na(idea) & idea == 1) | (!is.na(att) & att == 1)
unknown <- is.na(q9) | is.na(idea) | is.na(att)
gt <- function(x, t) !is.na(x) & x >= t
high <- gt(phqa_total, 11) | gt(gad7_total, 10) | gt(scared_total, 25) | unknown
watch <- gt(phqa_total, 5) | gt(gad7_total, 5) | gt(pn, 7) | gt(gd, 9) | gt(sp, 5) | gt(so, 8) | gt(sh, 3) |
  !pa$scored | !ga$scored | !sc$scored
tier <- rep("none", n) # scores.csv writes "none" for no risk identified
tier[watch] <- "watch"; tier[high] <- "high"; tier[critical] <- "urgent"
out <- data.table(record = seq_len(n), phqa_total = phqa_total, gad7_total = gad7_total,
                  scared_total = scared_total, tier = tier)
if (wide) {
  ce <- form("cesd", paste0("q", 1:20), 0:3)
  for (r in paste0("q", c(4, 8, 12, 16))) ce$v[[r]] <- 3L - ce$v[[r]]
  out[, `:=`(scared_panic_somatic = pn, scared_generalized_anxiety = gd, scared_separation_anxiety = sp,
             scared_social_anxiety = so, scared_school_avoidance = sh, cesd_total = total(ce))]
}
fwrite(out, args[2], na = "")
