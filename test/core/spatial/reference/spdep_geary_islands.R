# spdep 1.2.7 cross-checks on the moran_2020 fixture: vals.txt = result.values, nb.txt = 1-based queen neighbours
# (provinces_queen.json in the fixture province order). Prints Geary C (W and B), Moran (B), and the no-Hainan-link
# island cases with adjust.n TRUE/FALSE. Values are copied into test/core/spatial/moran.test.ts.
library(spdep)
x <- as.numeric(readLines("vals.txt"))
L <- readLines("nb.txt")
nb <- lapply(L, function(s) as.integer(strsplit(s, " ")[[1]]))
class(nb) <- "nb"; attr(nb, "region.id") <- as.character(1:31)
lw <- nb2listw(nb, style="W")
options(digits=17)
for (rz in c(FALSE, TRUE)) { g <- geary.test(x, lw, randomisation=rz); cat(sprintf("%s %.17g %.17g %.17g\n", rz, g$estimate[1], g$estimate[3], g$statistic)) }
g2 <- geary.test(x, lw, randomisation=TRUE, alternative="two.sided"); cat(sprintf("p2 %.17g\n", g2$p.value))
# binary weights
lb <- nb2listw(nb, style="B")
for (rz in c(FALSE, TRUE)) { g <- geary.test(x, lb, randomisation=rz); cat(sprintf("B %s %.17g %.17g %.17g\n", rz, g$estimate[1], g$estimate[3], g$statistic)) }
m <- moran.test(x, lb, randomisation=TRUE); cat(sprintf("moranB %.17g %.17g %.17g\n", m$estimate[1], m$estimate[3], m$statistic))
# island: drop Hainan-Guangdong link, adjust.n
nb2 <- nb; nb2[[21]] <- 0L; nb2[[19]] <- setdiff(nb2[[19]], 21L)
lw2 <- nb2listw(nb2, style="W", zero.policy=TRUE)
m <- moran.test(x, lw2, randomisation=TRUE, zero.policy=TRUE); cat(sprintf("island %.17g %.17g %.17g %.17g\n", m$estimate[1], m$estimate[2], m$estimate[3], m$statistic))
m <- moran.test(x, lw2, randomisation=FALSE, zero.policy=TRUE, adjust.n=FALSE); cat(sprintf("islandnoadj %.17g %.17g %.17g %.17g\n", m$estimate[1], m$estimate[2], m$estimate[3], m$statistic))
g <- geary.test(x, lw2, randomisation=TRUE, zero.policy=TRUE); cat(sprintf("gisland %.17g %.17g %.17g\n", g$estimate[1], g$estimate[3], g$statistic))
lm <- localmoran(x, lw2, zero.policy=TRUE); cat(sprintf("lisaisland %.17g %s\n", lm[21,1], lm[21,4]))
# knn on capitals
