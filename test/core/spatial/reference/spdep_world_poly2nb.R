# spdep 1.2.7 / sf 1.0-9 (Debian bookworm), run from the repository root: Rscript test/core/spatial/reference/spdep_world_poly2nb.R
# Writes 0-based neighbour indices (feature order of data/geo/world.json) for queen and rook contiguity.
suppressMessages({library(sf); library(spdep)}); sf_use_s2(FALSE)
w <- st_read("data/geo/world.json", quiet=TRUE)
ids <- as.character(w$id)
if (is.null(w$id)) ids <- sapply(1:nrow(w), function(i) i)
for (q in c(TRUE, FALSE)) {
  nb <- poly2nb(w, queen=q, snap=1e-7)
  lines <- sapply(seq_along(nb), function(i) { v <- nb[[i]]; if (length(v)==1 && v[1]==0) "" else paste(sort(v)-1, collapse=",") })
  writeLines(lines, if (q) "test/core/spatial/reference/world_queen.txt" else "test/core/spatial/reference/world_rook.txt")
}
cat(nrow(w), "\n")

