# Independent reference scoring for psyscreen's bundled instruments (and the synthetic demo).
#
# Keys below are typed from the published scoring instructions (see each instrument's SOURCES.md),
# NOT read from psyscreen's definition files, so this is an independent implementation.
# Keyed sums and means come from psych::scoreItems (impute = "none", explicit min/max, which sums
# or averages the answered items and reverses as min + max - x); the rules psych cannot express
# (missing-data limits, proration with halves rounded up, lie scale, inconsistent pairs, longest
# run, critical items, form status) are plain R.
#
# Regenerate (byte for byte, from the fixed seed):
#   Rscript instruments/reference/score.R instruments/src/test/resources/reference
suppressMessages(library(psych))

args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[1] else "."
SEED <- 20261123L
FORMS <- 1200L
INVALID <- c("4", "-1", "99", "x", "1.0", "\uFF13", " 1", "1 ", "+1", "\u0663", "NA", "#N/A", "\u662F")

f03 <- as.character(0:3)
f02 <- as.character(0:2)
yn <- c("0", "1")
items_of <- function(prefix, n) paste0(prefix, seq_len(n))

# codes: per-item allowed codes (value = as.integer(code) for every bundled instrument).
# scales: items (character), rev (reversed item ids), agg ("sum"/"mean"), max_missing,
#         prorate (FALSE, or TRUE = halves up), required; derived: of (component scale ids).
INSTRUMENTS <- list(
  phq9 = list(
    items = items_of("q", 9), codes = rep(list(f03), 9), special = character(0),
    scales = list(total = list(items = items_of("q", 9), max_missing = 0)),
    critical = list(self_harm = list(item = "q9", test = function(v) v >= 1))),
  phqa = list(
    items = c(items_of("q", 9), "s_down_past_year", "s_difficulty", "s_ideation_month", "s_attempt_ever"),
    codes = c(rep(list(f03), 9), list(yn, f03, yn, yn)), special = character(0),
    scales = list(
      total = list(items = items_of("q", 9), max_missing = 0),
      down_past_year = list(items = "s_down_past_year", max_missing = 0, required = FALSE),
      difficulty = list(items = "s_difficulty", max_missing = 0, required = FALSE)),
    critical = list(
      self_harm = list(item = "q9", test = function(v) v >= 1),
      ideation_past_month = list(item = "s_ideation_month", test = function(v) v == 1),
      attempt_ever = list(item = "s_attempt_ever", test = function(v) v == 1))),
  gad7 = list(
    items = items_of("q", 7), codes = rep(list(f03), 7), special = character(0),
    scales = list(total = list(items = items_of("q", 7), max_missing = 0)),
    critical = list()),
  scared = list(
    items = items_of("q", 41), codes = rep(list(f02), 41), special = character(0),
    scales = list(
      panic_somatic = list(items = paste0("q", c(1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38)), max_missing = 0),
      generalized_anxiety = list(items = paste0("q", c(5, 7, 14, 21, 23, 28, 33, 35, 37)), max_missing = 0),
      separation_anxiety = list(items = paste0("q", c(4, 8, 13, 16, 20, 25, 29, 31)), max_missing = 0),
      social_anxiety = list(items = paste0("q", c(3, 10, 26, 32, 39, 40, 41)), max_missing = 0),
      school_avoidance = list(items = paste0("q", c(2, 11, 17, 36)), max_missing = 0),
      total = list(of = c("panic_somatic", "generalized_anxiety", "separation_anxiety", "social_anxiety",
                          "school_avoidance"), max_missing = 0)),
    critical = list()),
  cesd = list(
    items = items_of("q", 20), codes = rep(list(f03), 20), special = character(0),
    scales = list(total = list(items = items_of("q", 20), rev = paste0("q", c(4, 8, 12, 16)), max_missing = 0)),
    critical = list()),
  # The synthetic demo of the engine's tests (engine/src/test/resources/definitions/good/demo.yaml).
  demo = list(
    items = c(items_of("q", 6), "l1", "l2", "l3", "danger"),
    codes = c(rep(list(f03), 6), list(yn, yn, yn, f03)), special = c(rep("9", 6), NA, NA, NA, "9"),
    scales = list(
      part_a = list(items = c("q1", "q2", "q3"), rev = "q3", max_missing = 1, prorate = TRUE),
      part_b = list(items = c("q4", "q5", "q6"), agg = "mean", max_missing = floor(0.34 * 3)),
      total = list(of = c("part_a", "part_b"), max_missing = 0),
      lie = list(items = c("l1", "l2", "l3"), max_missing = 0, required = FALSE)),
    validity = list(
      lie_check = list(kind = "lie", scale = "lie", test = function(m) m >= 3),
      inconsistency = list(kind = "pairs", pairs = list(c("q1", "q4"), c("q2", "q5")), max_diff = 2,
                           test = function(m) m >= 2),
      straight_line = list(kind = "run", items = items_of("q", 6), test = function(m) m >= 6)),
    critical = list(danger_positive = list(item = "danger", test = function(v) v >= 1)))
)

generate <- function(spec, n) {
  k <- length(spec$items)
  forms <- matrix("", nrow = n, ncol = k, dimnames = list(NULL, spec$items))
  for (f in seq_len(n)) {
    mode <- sample.int(100, 1) - 1
    if (mode < 3) next                                   # all blank
    if (mode < 6) {                                      # a single answer
      i <- sample.int(k, 1)
      forms[f, i] <- sample(spec$codes[[i]], 1)
      next
    }
    severity <- runif(1)
    straight <- mode < 9
    pick <- sample.int(4, 1)
    blank_rate <- if (mode < 30) 0 else if (mode < 70) 0.03 else 0.15
    invalid_rate <- if (mode < 85) 0 else 0.04
    for (i in seq_len(k)) {
      u <- runif(1)
      codes <- spec$codes[[i]]
      sp <- if (length(spec$special) >= i) spec$special[i] else NA
      if (u < blank_rate) {
        forms[f, i] <- ""
      } else if (u < blank_rate + invalid_rate) {
        forms[f, i] <- sample(INVALID, 1)
      } else if (u < blank_rate + invalid_rate + 0.02 && !is.na(sp)) {
        forms[f, i] <- sp
      } else if (straight) {
        forms[f, i] <- codes[min(pick, length(codes))]
      } else {
        j <- round(severity * (length(codes) - 1) + rnorm(1) * 0.8) + 1
        forms[f, i] <- codes[max(1, min(length(codes), j))]
      }
    }
  }
  forms
}

half_up <- function(x) floor(x + 0.5)   # R's round() rounds halves to even; the rule says halves up

score_instrument <- function(id, spec, forms) {
  n <- nrow(forms)
  items <- spec$items
  # Numeric values of answered items; NA for blank, declared non-answers and invalid codes.
  state <- matrix("BLANK", n, length(items), dimnames = list(NULL, items))
  X <- matrix(NA_real_, n, length(items), dimnames = list(NULL, items))
  for (i in seq_along(items)) {
    a <- forms[, i]
    ok <- a %in% spec$codes[[i]]
    sp <- if (length(spec$special) >= i && !is.na(spec$special[i])) a == spec$special[i] else rep(FALSE, n)
    state[ok, i] <- "ANSWERED"
    state[!ok & sp, i] <- "SPECIAL"
    state[!ok & !sp & a != "", i] <- "INVALID"
    X[ok, i] <- as.numeric(a[ok])
  }
  scores <- list()
  for (s in names(spec$scales)) {
    sc <- spec$scales[[s]]
    if (!is.null(sc$of)) {
      comp <- sapply(sc$of, function(c) scores[[c]])
      comp <- matrix(comp, nrow = n)
      missing <- rowSums(is.na(comp))
      v <- rowSums(comp, na.rm = TRUE)
      v[missing > sc$max_missing] <- NA
      scores[[s]] <- v
      next
    }
    key <- ifelse(sc$items %in% (if (is.null(sc$rev)) character(0) else sc$rev), paste0("-", sc$items), sc$items)
    mean_scale <- identical(sc$agg, "mean")
    sub <- X[, sc$items, drop = FALSE]
    if (length(sc$items) > 1) {
      ps <- suppressWarnings(scoreItems(list(s = key), as.data.frame(sub), totals = !mean_scale,
                                        impute = "none", min = 0, max = 3, delete = FALSE))
      v <- as.numeric(ps$scores[, 1])
    } else {
      v <- as.numeric(sub[, 1])                         # one-item scale: the item itself (psych needs 2+)
    }
    answered <- rowSums(!is.na(sub))
    missing <- length(sc$items) - answered
    if (isTRUE(sc$prorate)) {
      pr <- missing > 0 & missing <= sc$max_missing & answered > 0
      v[pr] <- half_up(v[pr] * length(sc$items) / answered[pr])
    }
    v[missing > sc$max_missing | answered == 0] <- NA
    scores[[s]] <- v
  }
  validity <- list()
  for (vname in names(spec$validity)) {
    vc <- spec$validity[[vname]]
    m <- switch(vc$kind,
      lie = scores[[vc$scale]],
      pairs = rowSums(sapply(vc$pairs, function(p) {
        d <- abs(X[, p[1]] - X[, p[2]])                 # no pair item is reverse-keyed in the demo
        !is.na(d) & d > vc$max_diff
      })),
      run = apply(X[, vc$items, drop = FALSE], 1, function(r) {
        best <- 0; run <- 0; prev <- NA
        for (x in r) {
          if (is.na(x)) { run <- 0; prev <- NA; next }
          run <- if (!is.na(prev) && x == prev) run + 1 else 1
          prev <- x; best <- max(best, run)
        }
        best
      }))
    validity[[vname]] <- m
  }
  critical <- list()
  for (c in names(spec$critical)) {
    ci <- spec$critical[[c]]
    v <- X[, ci$item]
    critical[[c]] <- ifelse(is.na(v), "UNKNOWN", ifelse(ci$test(v), "POSITIVE", "NEGATIVE"))
  }
  status <- character(n)
  for (f in seq_len(n)) {
    if (all(state[f, ] == "BLANK")) { status[f] <- "NOT_ADMINISTERED"; next }
    fired <- FALSE; not_eval <- FALSE
    for (vname in names(spec$validity)) {
      m <- validity[[vname]][f]
      if (is.na(m)) not_eval <- TRUE else if (spec$validity[[vname]]$test(m)) fired <- TRUE
    }
    incomplete <- not_eval
    for (s in names(spec$scales)) {
      req <- is.null(spec$scales[[s]]$required) || spec$scales[[s]]$required
      if (req && is.na(scores[[s]][f])) incomplete <- TRUE
    }
    status[f] <- if (any(state[f, ] == "INVALID") || fired) "INVALID" else if (incomplete) "INCOMPLETE" else "SCORED"
  }
  fmt <- function(v) ifelse(is.na(v), "NA", trimws(formatC(v, digits = 15, format = "g")))
  out <- data.frame(form = seq_len(n), forms, check.names = FALSE, stringsAsFactors = FALSE)
  out$status <- status
  for (s in names(scores)) out[[paste0("scale.", s)]] <- fmt(scores[[s]])
  for (v in names(validity)) out[[paste0("validity.", v)]] <- fmt(validity[[v]])
  for (c in names(critical)) out[[paste0("critical.", c)]] <- critical[[c]]
  out
}

set.seed(SEED)
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
for (id in names(INSTRUMENTS)) {
  forms <- generate(INSTRUMENTS[[id]], FORMS)
  out <- score_instrument(id, INSTRUMENTS[[id]], forms)
  write.csv(out, file.path(out_dir, paste0(id, ".csv")), row.names = FALSE, fileEncoding = "UTF-8", na = "")
  cat(id, nrow(out), "forms\n")
}
writeLines(c(paste("R:", R.version.string), paste("psych:", as.character(packageVersion("psych"))),
             paste("seed:", SEED), paste("forms per instrument:", FORMS)),
           file.path(out_dir, "VERSIONS.txt"))
