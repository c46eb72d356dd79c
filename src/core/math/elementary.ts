// Deterministic elementary functions: exp, log, pow, log10, built only from correctly rounded IEEE-754
// operations (+ − × ÷) and exact bit manipulation, so that every JavaScript engine (Node's V8, Chromium's V8,
// SpiderMonkey, JavaScriptCore) returns the same bits. `Math.exp`/`Math.log`/`Math.pow` are not specified
// bit-for-bit by ECMA-262 and differ between engines in the last bit for some arguments (issue 8).
//
// Algorithms restated from Sun Microsystems' fdlibm 5.3 (1993), e_exp.c and e_log.c: argument reduction by ln 2,
// the published minimax (Remez) polynomial coefficients, error < 1 ulp. Special values as Math: NaN → NaN,
// exp(+∞)=+∞, exp(−∞)=0, overflow → +∞, underflow → 0 (gradual through subnormals); log(±0)=−∞,
// log(x<0)=NaN, log(+∞)=+∞, subnormal arguments scaled by 2^54 first.
// V8 (Node 20) implements Math.exp/Math.log with this same fdlibm code, so in Node these functions return
// exactly Math's bits (verified on 10^6 arguments in the test); other engines then agree with Node.
// `pow(x, y)` = exp(y·log x) for x > 0 and non-integer y (relative error ≈ |y·ln x|·2^−53: fine for n-th
// roots and growth rates of moderate numbers); integer exponents go to `powInt` (repeated squaring, products
// only); y = 0.5 to the correctly rounded sqrt.
// Complexity O(1). exp needs no bit access (fdlibm's high-word tests become exact comparisons with doubles and
// the exponent update a multiplication by an exact power of two); log reads the words of x through one shared
// 8-byte buffer (no allocation per call; JavaScript is single-threaded).

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const u32 = new Uint32Array(f64.buffer);
// Word order of a double in the platform's byte order (little-endian on every current engine, detected anyway).
f64[0] = 1;
const HI = i32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

// e_exp.c constants
const HUGE = 1.0e300;
const TWOM1000 = 9.33263618503218878990e-302; // 2^-1000
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INVLN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** The double whose high word is `hi` and low word 0 (exact; used once per constant at load time). */
function fromHighWord(hi: number): number {
  i32[HI] = hi;
  u32[LO] = 0;
  return f64[0];
}
// fdlibm compares the high word of |x|; the same tests as exact comparisons of |x| with these doubles.
const X_BIG = fromHighWord(0x40862e42); //      hx >= 0x40862e42  ⇔  |x| >= X_BIG   (|x| ≳ 709.78)
const X_HALF_LN2 = fromHighWord(0x3fd62e43); // hx >  0x3fd62e42  ⇔  |x| >= X_HALF_LN2 (|x| > 0.5 ln2)
const X_3HALF_LN2 = fromHighWord(0x3ff0a2b2); // hx < 0x3ff0a2b2  ⇔  |x| <  X_3HALF_LN2 (|x| < 1.5 ln2)
const X_TINY = fromHighWord(0x3e300000); //     hx <  0x3e300000  ⇔  |x| <  2^-28
// 2^k for k = −1022 … 1023 (exact powers of two): y·2^k is fdlibm's "add k to y's exponent" while the result is
// normal, and y·2^(k+1000)·2^−1000 its gradual underflow.
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let k = 1; k <= 1023; k++) POW2[1022 + k] = POW2[1021 + k] * 2;
for (let k = 1; k <= 1022; k++) POW2[1022 - k] = POW2[1023 - k] / 2;

/** e^x, deterministic across engines (fdlibm e_exp.c). */
function fdlibmExp(x: number): number {
  // Common cases first, kept small so that the JIT inlines them: 1.5 ln2 <= |x| < 708, where |k| <= 1021 and
  // the result is normal (the Gaussian kernel's exp(−u²/2) is the negative one). The same operations as the
  // general path below, which handles the rest.
  if (x <= -X_3HALF_LN2 ? x > -708 : x >= X_3HALF_LN2 && x < 708) {
    const k = (INVLN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const t = r * r;
    const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return (1 - ((lo - (r * c) / (2.0 - c)) - hi)) * POW2[1022 + k];
  }
  if (x < U_THRESHOLD) return 0; // underflow (far kernel tails): +0 as fdlibm's 2^-1000·2^-1000
  return expGeneral(x);
}

function expGeneral(x: number): number {
  const ax = x < 0 ? -x : x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (!(ax < X_BIG)) {
    if (x !== x) return x; // NaN
    if (x > O_THRESHOLD) return HUGE * HUGE; // overflow, exp(+∞) = +∞
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; // underflow, exp(−∞) = 0
  }
  if (ax >= X_HALF_LN2) {
    // |x| > 0.5 ln2: x = k·ln2 + r, |r| <= 0.5 ln2
    if (ax < X_3HALF_LN2) {
      // and |x| < 1.5 ln2
      if (x === 1) return 2.718281828459045; // e correctly rounded (the reduction below is 1 ulp high at x = 1)
      if (x > 0) { hi = x - LN2_HI; lo = LN2_LO; k = 1; } else { hi = x + LN2_HI; lo = -LN2_LO; k = -1; }
    } else {
      k = (INVLN2 * x + (x > 0 ? 0.5 : -0.5)) | 0; // truncation toward zero, as C's (int)
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zeros
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < X_TINY) {
    return 1 + x;
  } else k = 0;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) return k <= 1023 ? y * POW2[1022 + k] : y * 2 * POW2[1022 + 1023]; // k = 1024: 2y·2^1023
  return y * POW2[1022 + k + 1000] * TWOM1000;
}

// e_log.c constants
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, deterministic across engines (fdlibm e_log.c). */
function fdlibmLog(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  const lx = u32[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022 (zero, subnormal, negative, or negative NaN)
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative or -NaN)
    k -= 54;
    x *= TWO54; // subnormal: scale up
    f64[0] = x;
    hx = i32[HI];
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  let e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  e += i >> 20;
  k += e;
  // Normalise x or x/2 into [sqrt(2)/2, sqrt(2)) by the exact scaling x·2^−e (fdlibm writes the high word instead;
  // in JS that 4-byte store followed by an 8-byte load stalls store forwarding and made log ~3× slower).
  x = e <= 1022 ? x * POW2[1022 - e] : x * POW2[510] * POW2[1534 - e];
  const f = x - 1.0;
  let dk: number;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      dk = k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R0 = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R0;
    dk = k;
    return dk * LN2_HI - ((R0 - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

// The engine's own Math.exp/Math.log are used when they are this fdlibm code bit for bit (V8 in Node 20 is): a
// probe of 4,096 arguments over the whole range decides once, at load. Engines whose results differ (Chromium
// 156's V8 differs for about 1 argument in 10, so a difference is certain to show in the probe) get the port.
// Either way every engine returns fdlibm's bits, and Node keeps the speed of the built-ins (~3× faster).
function sameOnProbe(native: (x: number) => number, port: (x: number) => number, lo: number, hi: number): boolean {
  let state = 0x9e3779b9;
  for (let k = 0; k < 4096; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = state / 4294967296;
    const x = lo + (hi - lo) * u;
    const a = native(x), b = port(x);
    if (!(a === b || (a !== a && b !== b))) return false;
  }
  return true;
}

/** e^x, fdlibm's bits in every engine. */
export const exp: (x: number) => number =
  sameOnProbe(Math.exp, fdlibmExp, -745, 709) && sameOnProbe(Math.exp, fdlibmExp, -1, 1) ? Math.exp : fdlibmExp;

/** Natural logarithm, fdlibm's bits in every engine. */
export const log: (x: number) => number =
  sameOnProbe(Math.log, fdlibmLog, 1e-300, 1e300) && sameOnProbe(Math.log, fdlibmLog, 0.5, 2) && sameOnProbe((x) => Math.log(x * 1e-6), (x) => fdlibmLog(x * 1e-6), 0, 1) ? Math.log : fdlibmLog;

/** The ports themselves (tests compare them with the engine). */
export { fdlibmExp, fdlibmLog };

/** x^n for integer n by repeated squaring (only × and ÷, deterministic). */
export function powInt(x: number, n: number): number {
  let m = n < 0 ? -n : n;
  let r = 1;
  let b = x;
  while (m > 0) {
    if (m & 1) r *= b;
    m = Math.floor(m / 2);
    if (m > 0) b *= b;
  }
  return n < 0 ? 1 / r : r;
}

/**
 * x^y, deterministic: integer y (|y| <= 2^31) by `powInt`, x > 0 by exp(y·log x); the remaining cases follow
 * Math.pow's special values (0^y, negative x with non-integer y → NaN, NaN propagation).
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (Number.isInteger(y) && Math.abs(y) <= 2147483648 && Number.isFinite(x)) return powInt(x, y);
  if (y === 0.5 && x >= 0 && x < Infinity) return Math.sqrt(x); // as fdlibm e_pow.c (sqrt is correctly rounded)
  if (x > 0 && Number.isFinite(x) && Number.isFinite(y)) return exp(y * log(x));
  return Math.pow(x, y); // special values only (±0, ±∞, negative base, infinite exponent): exact in every engine
}

/** log base 10 via log(x)/ln 10 (deterministic; not correctly rounded). */
export function log10(x: number): number {
  return log(x) / 2.302585092994046;
}
