# Index-method references on provinces_2012_2022.csv (helper J). Run: python3 scripts/crosscheck/make_index_refs.py
# Conventions: /work/shared/fixtures/index/README.md ("shared conventions" 1–5) restated on the new panel:
#   11 indicators, fertilizer_use is the cost (−) column, all others benefit (+); pooled min-max over all 341 rows;
#   entropy 1(a) shift 0.0001 inside p only, scores on unshifted x′, k = 1/ln N; 1(b) no shift, 0·ln0 := 0;
#   1(c) per-year min-max, k = 1/ln 31 (shift 0.0001); CRITIC on pooled x′ with sample sd and Pearson r;
#   TOPSIS cross-section 2022, vector normalisation of raw data, v = w·r with the 1(a) weights, ideal = max (min
#   for the cost column); TOPSIS on the pooled x′ rows of 2022 (ideal = column max/min over those rows);
#   GRA 2022 on the pooled x′ rows: reference = column max, ρ = 0.5, global Δmin/Δmax, grade Σwξ/Σw;
#   coupling 2 subsystems S1 = 8 S&T indicators, S2 = pub_st_spending, pub_edu_spending, fertilizer_use (−):
#   U_g = Σ_{j∈g}(w_j/Σ_g w)x′, C = 2√(U1U2)/(U1+U2), T = mean, D = √(CT); obstacle 2022: O = wI/ΣwI × 100, I = 1 − x′;
#   Dagum and Theil of the 1(a) scores by region4 per year; Moran's I of the 2022 scores, row-standardised queen
#   weights (provinces_queen.json), normality and randomisation variances; Markov: pooled type-7 quartiles,
#   right-closed classes, t → t+1 transitions.
import csv
import json
import math
import numpy as np

MORE = '/work/shared/fixtures/more/'
OUT = '/work/main/test/fixtures/crosscheck/'
QUEEN = '/work/shared/fixtures/index/data/provinces_queen.json'

with open(MORE + 'provinces_2012_2022.csv', encoding='utf-8') as f:
    rows = list(csv.reader(f))
head, rows = rows[0], rows[1:]
IND = head[3:]
DIR = ['-' if c == 'fertilizer_use' else '+' for c in IND]
prov = [r[0] for r in rows]; region = [r[1] for r in rows]; year = [int(r[2]) for r in rows]
X = np.array([[float(r[3 + k]) for k in range(len(IND))] for r in rows])
N, J = X.shape
years = sorted(set(year))
Y = np.array(year)


def minmax(M):
    lo, hi = M.min(0), M.max(0)
    Z = (M - lo) / (hi - lo)
    for k, d in enumerate(DIR):
        if d == '-':
            Z[:, k] = (hi[k] - M[:, k]) / (hi[k] - lo[k])
    return Z


def entropy(Z, shift):
    Zs = Z + shift
    P = Zs / Zs.sum(0)
    with np.errstate(divide='ignore', invalid='ignore'):
        L = np.where(P > 0, P * np.log(np.where(P > 0, P, 1)), 0.0)
    e = -L.sum(0) / math.log(Z.shape[0])
    d = 1 - e
    return d / d.sum(), e


Z = minmax(X)
w_a, e_a = entropy(Z, 1e-4)
w_b, e_b = entropy(Z, 0.0)
S = Z @ w_a
ref = {'dataset': 'provinces_2012_2022.csv', 'indicators': IND, 'directions': DIR,
       'rows': {'province': prov, 'year': year, 'region4': region}}
ref['entropyPooledShift'] = {'weights': w_a.tolist(), 'entropy': e_a.tolist(), 'scores': S.tolist()}
ref['entropyPooledNoShift'] = {'weights': w_b.tolist(), 'entropy': e_b.tolist(), 'scores': (Z @ w_b).tolist()}
per = {}
scores_c = np.zeros(N)
for t in years:
    idx = Y == t
    Zt = minmax(X[idx])
    wt, _ = entropy(Zt, 1e-4)
    per[str(t)] = wt.tolist()
    scores_c[idx] = Zt @ wt
ref['entropyYearlyShift'] = {'weights': per, 'scores': scores_c.tolist()}
sd = Z.std(0, ddof=1)
R = np.corrcoef(Z, rowvar=False)
C = sd * (1 - R).sum(1)
ref['critic'] = {'weights': (C / C.sum()).tolist(), 'scores': (Z @ (C / C.sum())).tolist()}

# TOPSIS 2022
T = 2022
idx = np.where(Y == T)[0]
Xt = X[idx]
Rv = Xt / np.sqrt((Xt ** 2).sum(0))
V = Rv * w_a
best = np.where(np.array(DIR) == '+', V.max(0), V.min(0)); worst = np.where(np.array(DIR) == '+', V.min(0), V.max(0))
Dp = np.sqrt(((V - best) ** 2).sum(1)); Dm = np.sqrt(((V - worst) ** 2).sum(1))
ref['topsisVector2022'] = {'provinces': [prov[i] for i in idx], 'dPlus': Dp.tolist(), 'dMinus': Dm.tolist(), 'C': (Dm / (Dp + Dm)).tolist()}
Vp = Z[idx] * w_a
Dp2 = np.sqrt(((Vp - Vp.max(0)) ** 2).sum(1)); Dm2 = np.sqrt(((Vp - Vp.min(0)) ** 2).sum(1))
ref['topsisPooledRows2022'] = {'C': (Dm2 / (Dp2 + Dm2)).tolist()}
# pooled-scope TOPSIS over all rows (xinzhi default: vector normalisation of raw data over the pooled scope, pooled ideal)
Rp = X / np.sqrt((X ** 2).sum(0)); Vall = Rp * w_a
bp = np.where(np.array(DIR) == '+', Vall.max(0), Vall.min(0)); wp = np.where(np.array(DIR) == '+', Vall.min(0), Vall.max(0))
D1 = np.sqrt(((Vall - bp) ** 2).sum(1)); D0 = np.sqrt(((Vall - wp) ** 2).sum(1))
ref['topsisPooledAll'] = {'C': (D0 / (D1 + D0)).tolist()}
# GRA 2022 on pooled x′ rows
Zt = Z[idx]
Dl = np.abs(Zt.max(0) - Zt)
xi = (Dl.min() + 0.5 * Dl.max()) / (Dl + 0.5 * Dl.max())
ref['graPooledRows2022'] = {'grade': (xi @ w_a / w_a.sum()).tolist()}
# GRA pooled over all rows (reference = pooled column max, global Δ over all rows)
Dl = np.abs(Z.max(0) - Z)
xi = (Dl.min() + 0.5 * Dl.max()) / (Dl + 0.5 * Dl.max())
ref['graPooledAll'] = {'grade': (xi @ w_a / w_a.sum()).tolist()}
# coupling
g1 = list(range(8)); g2 = [8, 9, 10]
U1 = Z[:, g1] @ (w_a[g1] / w_a[g1].sum()); U2 = Z[:, g2] @ (w_a[g2] / w_a[g2].sum())
Cc = 2 * np.sqrt(U1 * U2) / (U1 + U2); Tt = (U1 + U2) / 2
ref['coupling'] = {'systems': {'S1': [IND[k] for k in g1], 'S2': [IND[k] for k in g2]}, 'U1': U1.tolist(), 'U2': U2.tolist(),
                   'C': Cc.tolist(), 'T': Tt.tolist(), 'D': np.sqrt(Cc * Tt).tolist()}
# obstacle 2022
I = 1 - Z[idx]
O = w_a * I / (w_a * I).sum(1, keepdims=True) * 100
ref['obstacle2022'] = {'provinces': [prov[i] for i in idx], 'O': O.tolist()}


# Dagum and Theil by region4, per year, on S
def dagum(y, g):
    n = len(y); mu = y.mean()
    G = np.abs(y[:, None] - y[None, :]).sum() / (2 * n * n * mu)
    groups = sorted(set(g), key=lambda k: y[np.array(g) == k].mean())
    ys = {k: y[np.array(g) == k] for k in groups}
    p = {k: len(ys[k]) / n for k in groups}; s = {k: len(ys[k]) * ys[k].mean() / (n * mu) for k in groups}
    Gw = sum(np.abs(ys[k][:, None] - ys[k][None, :]).sum() / (2 * len(ys[k]) ** 2 * ys[k].mean()) * p[k] * s[k] for k in groups)
    Gnb = Gt = 0.0
    for a in range(len(groups)):
        for b in range(a):
            j, h = groups[a], groups[b]  # mean_j ≥ mean_h
            diff = ys[j][:, None] - ys[h][None, :]
            Gjh = np.abs(diff).sum() / (len(ys[j]) * len(ys[h]) * (ys[j].mean() + ys[h].mean()))
            d = np.maximum(diff, 0).mean(); pp = np.maximum(-diff, 0).mean()
            D = (d - pp) / (d + pp) if d + pp > 0 else 0.0
            wgt = Gjh * (p[j] * s[h] + p[h] * s[j])
            Gnb += wgt * D; Gt += wgt * (1 - D)
    return {'G': G, 'Gw': Gw, 'Gnb': Gnb, 'Gt': Gt}


def theil(y, g):
    mu = y.mean()
    T = np.mean(y / mu * np.log(y / mu))
    Tw = Tb = 0.0
    for k in sorted(set(g)):
        yk = y[np.array(g) == k]; sk = len(yk) / len(y) * yk.mean() / mu
        Tk = np.mean(yk / yk.mean() * np.log(yk / yk.mean()))
        Tw += sk * Tk; Tb += sk * math.log(yk.mean() / mu)
    return {'T': T, 'Tw': Tw, 'Tb': Tb}


ref['dagum'] = {}; ref['theil'] = {}
for t in years:
    ii = np.where(Y == t)[0]
    ref['dagum'][str(t)] = dagum(S[ii], [region[i] for i in ii])
    ref['theil'][str(t)] = theil(S[ii], [region[i] for i in ii])

# Moran 2022
nb = json.load(open(QUEEN, encoding='utf-8'))
P = [prov[i] for i in idx]
n = len(P)
W = np.zeros((n, n))
for a, pa in enumerate(P):
    for pb in nb[pa]:
        W[a, P.index(pb)] = 1.0
W = W / W.sum(1, keepdims=True)
y = S[idx]; z = y - y.mean()
S0 = W.sum(); S1 = 0.5 * ((W + W.T) ** 2).sum(); S2 = ((W.sum(1) + W.sum(0)) ** 2).sum()
Iv = n / S0 * (z @ W @ z) / (z @ z)
EI = -1 / (n - 1)
Vn = (n * n * S1 - n * S2 + 3 * S0 ** 2) / ((n * n - 1) * S0 ** 2) - EI ** 2
b2 = n * (z ** 4).sum() / (z @ z) ** 2
A = n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 ** 2)
B = b2 * ((n * n - n) * S1 - 2 * n * S2 + 6 * S0 ** 2)
Vr = (A - B) / ((n - 1) * (n - 2) * (n - 3) * S0 ** 2) - EI ** 2
m2 = (z @ z) / n
ref['moran2022'] = {'I': Iv, 'EI': EI, 'varNormality': Vn, 'varRandomisation': Vr,
                    'zNormality': (Iv - EI) / math.sqrt(Vn), 'zRandomisation': (Iv - EI) / math.sqrt(Vr),
                    'provinces': P, 'localI': (z / m2 * (W @ z)).tolist()}

# Markov on S
cuts = np.quantile(S, [0.25, 0.5, 0.75])  # numpy default = type 7
cls = 1 + np.searchsorted(cuts, S, side='left')  # right-closed: y ≤ c → class
key = {(prov[i], year[i]): cls[i] for i in range(N)}
counts = np.zeros((4, 4), int)
for (p_, t), c in key.items():
    if (p_, t + 1) in key:
        counts[c - 1, key[(p_, t + 1)] - 1] += 1
ref['markov'] = {'cutoffs': cuts.tolist(), 'counts': counts.tolist(),
                 'P': (counts / counts.sum(1, keepdims=True)).tolist()}

with open(OUT + 'provinces_index.json', 'w', encoding='utf-8') as f:
    json.dump(ref, f, ensure_ascii=False, indent=1, allow_nan=False)
print('wrote provinces_index.json', w_a.round(5), ref['moran2022']['I'], counts.tolist())

# Spatial Markov (methods.md K3, giddy): lag = W·y per year (row-standardised queen), lag classes from the pooled
# type-7 quartiles of all lag values (right-closed), conditioned on the lag class at the start year t.
Wf = np.zeros((len(P), len(P)))
for a, pa in enumerate(P):
    for pb in nb[pa]:
        Wf[a, P.index(pb)] = 1.0
Wf = Wf / Wf.sum(1, keepdims=True)
lag = np.zeros(N)
for t in years:
    ii = np.where(Y == t)[0]
    order = [P.index(prov[i]) for i in ii]
    yv = np.zeros(len(P)); yv[order] = S[ii]
    lv = Wf @ yv
    lag[ii] = lv[order]
lcuts = np.quantile(lag, [0.25, 0.5, 0.75])
lcls = 1 + np.searchsorted(lcuts, lag, side='left')
lkey = {(prov[i], year[i]): lcls[i] for i in range(N)}
sm = np.zeros((4, 4, 4), int)
for (p_, t), c in key.items():
    if (p_, t + 1) in key:
        sm[lkey[(p_, t)] - 1, c - 1, key[(p_, t + 1)] - 1] += 1
ref['spatialMarkov'] = {'lagCutoffs': lcuts.tolist(), 'counts': sm.tolist()}
with open(OUT + 'provinces_index.json', 'w', encoding='utf-8') as f:
    json.dump(ref, f, ensure_ascii=False, indent=1, allow_nan=False)
print('spatial markov', lcuts, sm.sum())
