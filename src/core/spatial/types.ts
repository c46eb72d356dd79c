// Spatial weights in compressed sparse rows (methods.md L1). Shared by spatial/ (Moran, LISA, Geary) and
// dynamics/ (spatial Markov). Row i's neighbours are neighbors[offsets[i] .. offsets[i+1]) with weights
// in the same positions. A row with no neighbours is an island (listed in `islands`).

export interface SpatialWeights {
  /** Unit keys in row order (province codes, ISO codes, user ids). */
  ids: string[];
  offsets: Int32Array;          // length n + 1
  neighbors: Int32Array;        // column indices
  weights: Float64Array;        // same length as neighbors
  /** 'B' binary, 'W' row-standardised, 'V' other values (distances, user matrix). */
  style: 'B' | 'W' | 'V';
  islands: string[];
  /** How the matrix was made (queen from which geometry, k, Hainan link rule …), for the method card. */
  card: Record<string, unknown>;
}
