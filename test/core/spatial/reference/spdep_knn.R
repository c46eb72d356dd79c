# spdep 1.2.7 knearneigh(longlat = TRUE) on the provincial capitals of src/core/spatial/china-provinces.ts
# (caps.txt: "index lon lat" per line, in CHINA_PROVINCES order). Output: 1-based neighbours per unit.
library(spdep)
pts <- read.table("caps.txt", header=FALSE)
m <- as.matrix(pts[,2:3])
for (k in c(1,4,6)) { kn <- knearneigh(m, k=k, longlat=TRUE); nb <- knn2nb(kn); cat(k, ":", paste(sapply(nb, function(v) paste(sort(v), collapse=",")), collapse=" | "), "\n") }
