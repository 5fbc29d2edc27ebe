# The end-to-end job of benchmarks/e2e/run.sh in R data.table + vectorised base R, for comparison:
# PHQ-A, GAD-7 and SCARED totals (every item required; codes outside the declared ones make the form
# INVALID), and example policy A's tier (critical items first; unscorable forms never "none").
# Usage: Rscript score_datatable.R INPUT.csv OUTPUT.csv THREADS
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
setDTthreads(as.integer(args[3]))
d <- fread(args[1], colClasses = "character", na.strings = NULL, encoding = "UTF-8", fill = TRUE)

codes <- function(prefix, items, allowed) {
  m <- as.matrix(d[, paste0(prefix, ".", items), with = FALSE])
  m[is.na(m)] <- ""
  m <- trimws(chartr("０１２３", "0123", m))
  blank <- m == ""
  ok <- m %in% allowed
  dim(ok) <- dim(m)
  v <- suppressWarnings(matrix(as.integer(m), nrow(m)))
  v[!ok] <- NA
  list(v = v, blank = blank, invalid = !ok & !blank)
}
status <- function(x) {
  all_blank <- rowSums(!x$blank) == 0
  ifelse(all_blank, "NOT_ADMINISTERED", ifelse(rowSums(x$invalid) > 0, "INVALID",
         ifelse(rowSums(is.na(x$v)) > 0, "INCOMPLETE", "SCORED")))
}
f03 <- c("0", "1", "2", "3"); yn <- c("0", "1"); f02 <- c("0", "1", "2")
pa <- codes("phqa", paste0("q", 1:9), f03)
ps <- list(down = codes("phqa", "s_down_past_year", yn), diff = codes("phqa", "s_difficulty", f03),
           idea = codes("phqa", "s_ideation_month", yn), att = codes("phqa", "s_attempt_ever", yn))
ga <- codes("gad7", paste0("q", 1:7), f03)
sc <- codes("scared", paste0("q", 1:41), f02)
phqa_total <- rowSums(pa$v)
gad7_total <- rowSums(ga$v)
sub <- function(items) rowSums(sc$v[, items, drop = FALSE])
pn <- sub(c(1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38)); gd <- sub(c(5, 7, 14, 21, 23, 28, 33, 35, 37))
sp <- sub(c(4, 8, 13, 16, 20, 25, 29, 31)); so <- sub(c(3, 10, 26, 32, 39, 40, 41)); sh <- sub(c(2, 11, 17, 36))
scared_total <- pn + gd + sp + so + sh
# PHQ-A status counts the supplementary items too (their blanks never make the form INCOMPLETE).
phqa_all <- list(v = pa$v, blank = cbind(pa$blank, ps$down$blank, ps$diff$blank, ps$idea$blank, ps$att$blank),
                 invalid = cbind(pa$invalid, ps$down$invalid, ps$diff$invalid, ps$idea$invalid, ps$att$invalid))
st_p <- status(phqa_all); st_g <- status(ga); st_s <- status(sc)
q9 <- pa$v[, 9]; idea <- ps$idea$v[, 1]; att <- ps$att$v[, 1]
critical <- (!is.na(q9) & q9 >= 1) | (!is.na(idea) & idea == 1) | (!is.na(att) & att == 1)
unknown <- is.na(q9) | is.na(idea) | is.na(att)
gt <- function(x, t) !is.na(x) & x >= t
high <- gt(phqa_total, 11) | gt(gad7_total, 10) | gt(scared_total, 25) | unknown
watch <- gt(phqa_total, 5) | gt(gad7_total, 5) | gt(pn, 7) | gt(gd, 9) | gt(sp, 5) | gt(so, 8) | gt(sh, 3) |
  st_p != "SCORED" | st_g != "SCORED" | st_s != "SCORED"
tier <- ifelse(critical, "urgent", ifelse(high, "high", ifelse(watch, "watch", "")))
out <- data.table(record = seq_len(nrow(d)), phqa_total = phqa_total, gad7_total = gad7_total,
                  scared_total = scared_total, tier = tier)
fwrite(out, args[2], na = "")
