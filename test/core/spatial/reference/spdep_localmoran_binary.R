# spdep 1.2.7 localmoran with binary (style B) queen weights, conditional TRUE/FALSE; inputs as spdep_geary_islands.R.
# Rows 1, 9, 20 (北京, 上海, 广西): Ii, Var.Ii, Z.Ii. Values are copied into test/core/spatial/moran.test.ts.
library(spdep)
x <- as.numeric(readLines("vals.txt", warn=FALSE))
L <- readLines("nb.txt")
nb <- lapply(L, function(s) as.integer(strsplit(s, " ")[[1]]))
class(nb) <- "nb"; attr(nb, "region.id") <- as.character(1:31)
lb <- nb2listw(nb, style="B")
for (cond in c(TRUE, FALSE)) { lm <- localmoran(x, lb, conditional=cond); cat(cond, sprintf("%.17g", lm[c(1,9,20), 1]), sprintf("%.17g", lm[c(1,9,20), 3]), sprintf("%.17g", lm[c(1,9,20), 4]), "\n") }
