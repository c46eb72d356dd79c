# Per-DMU lpSolve loop (what deaR does): radial input-oriented DEA, phase I (min theta) and phase II (max slack sum
# with theta fixed), CRS or VRS. Usage: Rscript lpsolve_loop.R data.csv rts [limit]
# Prints: elapsed seconds, number of DMUs solved, mean efficiency, CPU seconds (user + system).
suppressMessages(library(lpSolve))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
rts <- args[2]
limit <- if (length(args) >= 3) as.integer(args[3]) else nrow(d)
X <- as.matrix(d[, c("x1", "x2", "x3")]); Y <- as.matrix(d[, c("y1", "y2")])
n <- nrow(X); m <- ncol(X); s <- ncol(Y)
p0 <- proc.time()
eff <- numeric(limit)
base <- rbind(t(X), t(Y))
if (rts == "vrs") base <- rbind(base, rep(1, n))
for (o in seq_len(limit)) {
  # phase I: variables (theta, lambda)
  A1 <- cbind(c(-X[o, ], rep(0, s), if (rts == "vrs") 0), base)
  dir <- c(rep("<=", m), rep(">=", s), if (rts == "vrs") "=")
  rhs <- c(rep(0, m), Y[o, ], if (rts == "vrs") 1)
  r1 <- lp("min", c(1, rep(0, n)), A1, dir, rhs)
  th <- r1$solution[1]; eff[o] <- th
  # phase II: variables (lambda, s-, s+), theta fixed
  A2 <- cbind(base, rbind(diag(m), matrix(0, s + (rts == "vrs"), m)), rbind(matrix(0, m, s), -diag(s), if (rts == "vrs") rep(0, s)))
  rhs2 <- c(th * X[o, ], Y[o, ], if (rts == "vrs") 1)
  r2 <- lp("max", c(rep(0, n), rep(1, m + s)), A2, rep("=", m + s + (rts == "vrs")), rhs2)
}
p1 <- proc.time() - p0
cat(sprintf("%.3f %d %.6f %.3f\n", p1[["elapsed"]], limit, mean(eff), p1[["user.self"]] + p1[["sys.self"]]))
