# Independent reference formulations for the cross-check of xinzhi's DEA engine (helper J).
# Written from /work/shared/docs/methods.md (sections E, F) only; solved with scipy.optimize.linprog(method='highs').
# Every LP is built on mean-scaled data (methods.md E0; all scores here are scale invariant); slacks are converted
# back to original units. Status strings: optimal | infeasible | unbounded | other.
import csv
import json
import math
import numpy as np
from scipy.optimize import linprog

MORE = '/work/shared/fixtures/more/'
OUT = '/work/main/test/fixtures/crosscheck/'


def read_csv(name):
    with open(MORE + name, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def lp(c, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds=None):
    r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method='highs',
                options={'primal_feasibility_tolerance': 1e-10, 'dual_feasibility_tolerance': 1e-10})
    st = {0: 'optimal', 2: 'infeasible', 3: 'unbounded'}.get(r.status, 'other')
    return st, r


def rts_rows(n, rts, t_col=None, nvar=None):
    """Rows (A_eq/A_ub additions) for the RTS constraint on λ occupying columns [0, n) (or tied to t_col)."""
    return rts


# ---------------------------------------------------------------- radial (E1, E2, E3)
def radial(X, Y, o, orient, rts, ref):
    """X: (m, n), Y: (s, n) scaled. ref: list of reference columns. Returns (status, theta_or_phi)."""
    m, s = X.shape[0], Y.shape[0]
    R = len(ref)
    Xr, Yr = X[:, ref], Y[:, ref]
    # variables: [score, λ_ref]
    c = np.zeros(1 + R)
    A_ub, b_ub = [], []
    if orient == 'in':
        c[0] = 1.0
        for i in range(m):  # Σλx − θx_o ≤ 0
            A_ub.append(np.r_[-X[i, o], Xr[i]]); b_ub.append(0.0)
        for r in range(s):  # −Σλy ≤ −y_o
            A_ub.append(np.r_[0.0, -Yr[r]]); b_ub.append(-Y[r, o])
    else:
        c[0] = -1.0
        for i in range(m):
            A_ub.append(np.r_[0.0, Xr[i]]); b_ub.append(X[i, o])
        for r in range(s):  # φy_o − Σλy ≤ 0
            A_ub.append(np.r_[Y[r, o], -Yr[r]]); b_ub.append(0.0)
    A_eq, b_eq = None, None
    if rts == 'vrs':
        A_eq = [np.r_[0.0, np.ones(R)]]; b_eq = [1.0]
    elif rts == 'nirs':
        A_ub.append(np.r_[0.0, np.ones(R)]); b_ub.append(1.0)
    elif rts == 'ndrs':
        A_ub.append(np.r_[0.0, -np.ones(R)]); b_ub.append(-1.0)
    bounds = [(None, None)] + [(0, None)] * R
    st, res = lp(c, np.array(A_ub), np.array(b_ub), None if A_eq is None else np.array(A_eq), b_eq, bounds)
    if st != 'optimal':
        return st, None
    return st, float(res.x[0])


def phase2(X, Y, o, orient, rts, score, wx, wy):
    """Max Σ wx s⁻ + Σ wy s⁺ with θ* (or φ*) fixed. Returns (total weighted slack, s⁻, s⁺) in scaled units."""
    m, s, n = X.shape[0], Y.shape[0], X.shape[1]
    # variables: λ (n), s⁻ (m), s⁺ (s)
    c = np.r_[np.zeros(n), -np.asarray(wx), -np.asarray(wy)]
    A_eq, b_eq = [], []
    for i in range(m):
        A_eq.append(np.r_[X[i], np.eye(m)[i], np.zeros(s)])
        b_eq.append(score * X[i, o] if orient == 'in' else X[i, o])
    for r in range(s):
        A_eq.append(np.r_[Y[r], np.zeros(m), -np.eye(s)[r]])
        b_eq.append(Y[r, o] if orient == 'in' else score * Y[r, o])
    A_ub, b_ub = None, None
    if rts == 'vrs':
        A_eq.append(np.r_[np.ones(n), np.zeros(m + s)]); b_eq.append(1.0)
    st, res = lp(c, A_ub, b_ub, np.array(A_eq), np.array(b_eq), [(0, None)] * (n + m + s))
    assert st == 'optimal', st
    return -res.fun, res.x[n:n + m], res.x[n + m:]


# ---------------------------------------------------------------- SBM (E4, E5) Charnes–Cooper
def sbm(X, Y, o, orient, rts, B=None):
    """Tone 2001 SBM (with bads: Tone 2004 form, bads ≤). Returns (status, rho)."""
    m, s, n = X.shape[0], Y.shape[0], X.shape[1]
    h = 0 if B is None else B.shape[0]
    xo, yo = X[:, o], Y[:, o]
    bo = None if B is None else B[:, o]
    if orient == 'non':
        # vars: t, Λ (n), S⁻ (m), S⁺ (s), Sb (h)
        nv = 1 + n + m + s + h
        c = np.zeros(nv); c[0] = 1.0
        c[1 + n:1 + n + m] = -1.0 / (m * xo)
        A_eq, b_eq = [], []
        row = np.zeros(nv); row[0] = 1.0
        row[1 + n + m:1 + n + m + s] = 1.0 / ((s + h) * yo)
        if h:
            row[1 + n + m + s:] = 1.0 / ((s + h) * bo)
        A_eq.append(row); b_eq.append(1.0)
        for i in range(m):  # t x_io − ΣΛx − S⁻ = 0
            row = np.zeros(nv); row[0] = xo[i]; row[1:1 + n] = -X[i]; row[1 + n + i] = -1.0
            A_eq.append(row); b_eq.append(0.0)
        for r in range(s):  # t y_ro − ΣΛy + S⁺ = 0
            row = np.zeros(nv); row[0] = yo[r]; row[1:1 + n] = -Y[r]; row[1 + n + m + r] = 1.0
            A_eq.append(row); b_eq.append(0.0)
        for q in range(h):  # t b_qo − ΣΛb − Sb = 0
            row = np.zeros(nv); row[0] = bo[q]; row[1:1 + n] = -B[q]; row[1 + n + m + s + q] = -1.0
            A_eq.append(row); b_eq.append(0.0)
        if rts == 'vrs':
            row = np.zeros(nv); row[0] = -1.0; row[1:1 + n] = 1.0
            A_eq.append(row); b_eq.append(0.0)
        st, res = lp(c, None, None, np.array(A_eq), np.array(b_eq), [(0, None)] * nv)
        return st, (float(res.fun) if st == 'optimal' else None)
    # oriented: vars λ (n), s⁻ (m), s⁺ (s), sb (h)
    nv = n + m + s + h
    c = np.zeros(nv)
    if orient == 'in':
        c[n:n + m] = 1.0 / (m * xo)  # maximise (1/m)Σs⁻/x_o → minimise negative; sign handled below
        c = -c
    else:
        c[n + m:n + m + s] = 1.0 / ((s + h) * yo)
        if h:
            c[n + m + s:] = 1.0 / ((s + h) * bo)
        c = -c
    A_eq, b_eq = [], []
    for i in range(m):
        row = np.zeros(nv); row[:n] = X[i]; row[n + i] = 1.0; A_eq.append(row); b_eq.append(xo[i])
    for r in range(s):
        row = np.zeros(nv); row[:n] = Y[r]; row[n + m + r] = -1.0; A_eq.append(row); b_eq.append(yo[r])
    for q in range(h):
        row = np.zeros(nv); row[:n] = B[q]; row[n + m + s + q] = 1.0; A_eq.append(row); b_eq.append(bo[q])
    if rts == 'vrs':
        row = np.zeros(nv); row[:n] = 1.0; A_eq.append(row); b_eq.append(1.0)
    st, res = lp(c, None, None, np.array(A_eq), np.array(b_eq), [(0, None)] * nv)
    if st != 'optimal':
        return st, None
    v = -res.fun
    return st, (1.0 - v) if orient == 'in' else 1.0 / (1.0 + v)


def super_sbm(X, Y, o, rts, orient='non'):
    """Tone 2002 super-SBM δ* via the LP of methods.md E6 (reference set excludes o). Oriented forms (deaR
    model_sbmsupereff): 'in' fixes Ỹ = t·y_o, t = 1 and minimises (1/m)ΣX̃/x_o; 'out' fixes X̃ = t·x_o, t = 1,
    maximises (1/s)ΣỸ/y_o and reports δ = 1/max."""
    m, s, n = X.shape[0], Y.shape[0], X.shape[1]
    ref = [j for j in range(n) if j != o]
    R = len(ref)
    xo, yo = X[:, o], Y[:, o]
    # vars: Λ (R), t, X̃ (m), Ỹ (s)
    nv = R + 1 + m + s
    c = np.zeros(nv)
    A_ub, b_ub, A_eq, b_eq = [], [], [], []
    if orient == 'non':
        c[R + 1:R + 1 + m] = 1.0 / (m * xo)
        A_eq.append(np.r_[np.zeros(R + 1 + m), 1.0 / (s * yo)]); b_eq.append(1.0)
    else:
        A_eq.append(np.r_[np.zeros(R), 1.0, np.zeros(m + s)]); b_eq.append(1.0)
        if orient == 'in':
            c[R + 1:R + 1 + m] = 1.0 / (m * xo)
        else:
            c[R + 1 + m:] = -1.0 / (s * yo)
    for i in range(m):  # ΣΛx − X̃ ≤ 0 ; t x_o − X̃ ≤ 0 (= for out)
        row = np.zeros(nv); row[:R] = X[i, ref]; row[R + 1 + i] = -1.0; A_ub.append(row); b_ub.append(0.0)
        row = np.zeros(nv); row[R] = xo[i]; row[R + 1 + i] = -1.0
        (A_eq if orient == 'out' else A_ub).append(row); (b_eq if orient == 'out' else b_ub).append(0.0)
    for r in range(s):  # Ỹ − ΣΛy ≤ 0 ; Ỹ − t y_o ≤ 0 (= for in)
        row = np.zeros(nv); row[:R] = -Y[r, ref]; row[R + 1 + m + r] = 1.0; A_ub.append(row); b_ub.append(0.0)
        row = np.zeros(nv); row[R] = -yo[r]; row[R + 1 + m + r] = 1.0
        (A_eq if orient == 'in' else A_ub).append(row); (b_eq if orient == 'in' else b_ub).append(0.0)
    if rts == 'vrs':
        row = np.zeros(nv); row[:R] = 1.0; row[R] = -1.0; A_eq.append(row); b_eq.append(0.0)
    st, res = lp(c, np.array(A_ub), np.array(b_ub), np.array(A_eq), np.array(b_eq), [(0, None)] * nv)
    if st != 'optimal':
        return st, None
    return st, (float(res.fun) if orient != 'out' else 1.0 / float(-res.fun))


# ---------------------------------------------------------------- DDF (E7) and NDDF (E8)
def ddf(Xr, Yr, Br, xo, yo, bo, gx, gy, gb, rts, weak=True):
    """β* = max β s.t. Xλ ≤ x_o − βg_x; Yλ ≥ y_o + βg_y; Bλ = b_o − βg_b (weak) ; β free. Returns (status, β)."""
    m, s, h, R = Xr.shape[0], Yr.shape[0], Br.shape[0], Xr.shape[1]
    c = np.r_[-1.0, np.zeros(R)]
    A_ub, b_ub, A_eq, b_eq = [], [], [], []
    for i in range(m):
        A_ub.append(np.r_[gx[i], Xr[i]]); b_ub.append(xo[i])
    for r in range(s):
        A_ub.append(np.r_[gy[r], -Yr[r]]); b_ub.append(-yo[r])
    for q in range(h):
        (A_eq if weak else A_ub).append(np.r_[gb[q], Br[q]]); (b_eq if weak else b_ub).append(bo[q])
    if rts == 'vrs':
        A_eq.append(np.r_[0.0, np.ones(R)]); b_eq.append(1.0)
    st, res = lp(c, np.array(A_ub), np.array(b_ub), np.array(A_eq) if A_eq else None, np.array(b_eq) if b_eq else None,
                 [(None, None)] + [(0, None)] * R)
    return st, (float(-res.fun) if st == 'optimal' else None)


def nddf(Xr, Yr, Br, xo, yo, bo, gx, gy, gb, wx, wy, wb, rts, weak=True):
    """Zhou, Ang & Wang 2012: max Σw β, β ≥ 0 per variable. Returns (status, Σwβ)."""
    m, s, h, R = Xr.shape[0], Yr.shape[0], Br.shape[0], Xr.shape[1]
    nb = m + s + h
    c = np.r_[-np.asarray(wx, float), -np.asarray(wy, float), -np.asarray(wb, float), np.zeros(R)]
    A_ub, b_ub, A_eq, b_eq = [], [], [], []
    for i in range(m):
        row = np.zeros(nb + R); row[i] = gx[i]; row[nb:] = Xr[i]; A_ub.append(row); b_ub.append(xo[i])
    for r in range(s):
        row = np.zeros(nb + R); row[m + r] = gy[r]; row[nb:] = -Yr[r]; A_ub.append(row); b_ub.append(-yo[r])
    for q in range(h):
        row = np.zeros(nb + R); row[m + s + q] = gb[q]; row[nb:] = Br[q]
        (A_eq if weak else A_ub).append(row); (b_eq if weak else b_ub).append(bo[q])
    if rts == 'vrs':
        row = np.zeros(nb + R); row[nb:] = 1.0; A_eq.append(row); b_eq.append(1.0)
    st, res = lp(c, np.array(A_ub), np.array(b_ub), np.array(A_eq) if A_eq else None, np.array(b_eq) if b_eq else None,
                 [(0, None)] * (nb + R))
    return st, (float(-res.fun) if st == 'optimal' else None)


def dump(name, obj):
    with open(OUT + name, 'w', encoding='utf-8') as f:
        json.dump(obj, f, indent=1, allow_nan=False)
    print('wrote', name)
