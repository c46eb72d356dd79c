// Bias decomposition of Malmquist technical change (methods.md F3, "bias split"): TECHCH = MATECH·OBTECH·IBTECH.
//
// Färe, Grifell-Tatjé, Grosskopf & Lovell (1997), "Biased technical change and the Malmquist productivity index",
// Scandinavian Journal of Economics 99(1):119–127 (output orientation, CRS technology); the input-oriented
// counterpart as R productivity `malm()` (Dakpo, Desjeux & Latruffe) computes it (columns matech, obtech, ibtech).
// Written with Farrell efficiencies E^a(x^b, y^c) (reference technology of period a, inputs of period b, outputs of
// period c; θ in input orientation, 1/φ = Shephard's output distance in output orientation), periods 0 = t, 1 = t+1:
//   MATECH = E^0(x0, y0) / E^1(x0, y0)                                      (magnitude: shift at the period-t mix)
//   OBTECH = √[ E^0(x1, y1)/E^1(x1, y1) · E^1(x1, y0)/E^0(x1, y0) ]         (output bias: y0 → y1 at inputs x1)
//   IBTECH = √[ E^1(x0, y0)/E^0(x0, y0) · E^0(x1, y0)/E^1(x1, y0) ]         (input bias: x0 → x1 at outputs y0)
// and MATECH·OBTECH·IBTECH = √[E^0(x1,y1)/E^1(x1,y1) · E^0(x0,y0)/E^1(x0,y0)] = TECHCH (the mixed terms cancel).
// Output orientation: productivity uses Shephard output distances D_o = E, so these are its formulas verbatim.
// Input orientation: productivity uses Shephard input distances D_i = 1/θ with every ratio inverted, which gives
// the same expressions in E = θ (so both orientations read alike; under CRS θ = 1/φ and they coincide).
// productivity computes all six distances under CRS whatever its `rts` (rts ≠ crs only adds pure/scale efficiency
// change); xinzhi does the same (distanceRts crs, with or without rts vrs) and refuses all-VRS distances.
// With one input and one output under CRS, E^a(x, y) = (y/x)/max_j(y_j/x_j over T^a), so OBTECH = IBTECH = 1 and
// MATECH = TECHCH exactly (no mix can change). O(1) per unit and pair.

/** Ratios > 1 mean technical progress in that component (as TECHCH). NaN where an input is missing. */
export interface TechBias {
  matech: number;
  obtech: number;
  ibtech: number;
}

/**
 * The three bias components from six Farrell efficiencies of one unit and pair:
 * e000 = E^t(x^t, y^t), e111 = E^{t+1}(x^{t+1}, y^{t+1}), e011 = E^t(x^{t+1}, y^{t+1}), e100 = E^{t+1}(x^t, y^t),
 * e010 = E^t(x^{t+1}, y^t), e110 = E^{t+1}(x^{t+1}, y^t).
 */
export function techBias(e000: number, e111: number, e011: number, e100: number, e010: number, e110: number): TechBias {
  return {
    matech: e000 / e100,
    obtech: Math.sqrt((e011 / e111) * (e110 / e010)),
    ibtech: Math.sqrt((e100 / e000) * (e010 / e110)),
  };
}
