#!/usr/bin/env python3
"""Independent numpy/scipy references for the index options of methods.md B7, C3, C5.

Data: /work/shared/fixtures/index/data/index_panel.csv (31 provinces x 2015-2020, 8 indicators), pooled rows in
file order (province-major, year-minor). Writes test/fixtures/index-options/references.json.
Run: python3 scripts/index-options/make_references.py  (pyenv python3 with numpy, scipy)
"""
import csv, json, os
import numpy as np
from scipy.stats import rankdata, norm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = '/work/shared/fixtures/index/data'
meta = json.load(open(f'{DATA}/index_panel_meta.json'))
cols = [d['column'] for d in meta['indicators']]
dirs = [d['direction'] for d in meta['indicators']]
rows = list(csv.DictReader(open(f'{DATA}/index_panel.csv', encoding='utf-8')))
X = np.array([[float(r[c]) for c in cols] for r in rows])
years = np.array([int(r['year']) for r in rows])
sign = np.array([-1.0 if d == '-' else 1.0 for d in dirs])

# ---- PCA (B7): correlation of the direction-flipped data, eigenpairs via numpy.linalg.eigh
Xf = X * sign
Z = (Xf - Xf.mean(0)) / Xf.std(0, ddof=1)
R = np.corrcoef(Xf, rowvar=False)
lam, U = np.linalg.eigh(R)
o = np.argsort(-lam); lam = lam[o]; U = U[:, o]
U = U * np.where(U.sum(0) < 0, -1.0, 1.0)
K = int((lam > 1).sum())
A = U[:, :K] * np.sqrt(lam[:K])

def varimax(L, tol=1e-14, it=20000):
    # Kaiser (1958), normalised; SVD form of the iteration (R stats::varimax)
    h = np.sqrt((L ** 2).sum(1)); Ln = L / h[:, None]
    p, k = Ln.shape; T = np.eye(k); d = 0.0
    for _ in range(it):
        Zr = Ln @ T
        B = Ln.T @ (Zr ** 3 - Zr @ np.diag((Zr ** 2).sum(0)) / p)
        u, s, vt = np.linalg.svd(B)
        Tn = u @ vt
        done = np.abs(Tn - T).max() < tol  # iterate to the fixed point (R's 1e-5 on Σs stops early)
        T = Tn
        if done: break
    return (Ln @ T) * h[:, None]

def mm(L, lam_, squared):
    b = ((L ** 2) if squared else np.abs(L)) @ lam_ / lam_.sum()
    return b / b.sum()

Ar = varimax(A)
lam_r = (Ar ** 2).sum(0)
# varimax criterion of the normalised rotated loadings (to compare optima independent of sign/order)
def crit(L):
    Ln = L / np.sqrt((L ** 2).sum(1))[:, None]
    return float(((Ln ** 4).sum(0) - (Ln ** 2).sum(0) ** 2 / L.shape[0]).sum())
share = lam[:K] / lam[:K].sum()
F = Z @ U[:, :K]
pca = {
    'retained': K, 'eigenvalues': lam.tolist(),
    'mathmodels': mm(A, lam[:K], False).tolist(),
    'mathmodelsSquared': mm(A, lam[:K], True).tolist(),
    'mathmodelsVarimax': mm(Ar, lam_r, False).tolist(),
    'mathmodelsSquaredVarimax': mm(Ar, lam_r, True).tolist(),
    'rotatedVariance': sorted(lam_r.tolist(), reverse=True),
    'varimaxCriterion': crit(Ar), 'unrotatedCriterion': crit(A),
    'compositeScore': (F @ share).tolist(),
    'componentScores': F.T.tolist(),
}

# ---- RSR (C5) on the raw data with directions, equal weights, per year; probit grading
def rsr_grading(v, regression='distinct'):
    n = len(v); sv = np.sort(v)
    # tie groups: consecutive sorted values within 1e-12*max(1,|v|)
    gid = np.concatenate([[0], np.cumsum(np.diff(sv) > 1e-12 * np.maximum(1, np.abs(sv[:-1])))])
    vals = np.array([sv[gid == g][0] for g in range(gid[-1] + 1)])
    upto = np.array([np.where(gid == g)[0][-1] + 1 for g in range(gid[-1] + 1)])
    f = upto / n; f[-1] = 1 - 1 / (4 * n)
    pr = 5 + norm.ppf(f)
    prow = np.empty(n); order = np.argsort(v, kind='stable'); prow[order] = pr[gid]
    if regression == 'distinct': xs, ys = pr, vals
    else: xs, ys = prow, v
    b, a = np.polyfit(xs, ys, 1)
    fit = a + b * prow
    c4, c6 = a + 4 * b, a + 6 * b
    grade = np.where(fit < c4, 1, np.where(fit < c6, 2, 3))
    return dict(probit=prow.tolist(), fitted=fit.tolist(), grade=grade.tolist(), a=float(a), b=float(b), cut4=float(c4), cut6=float(c6))

rsr = np.zeros(len(rows)); out_rsr = {}
for y in sorted(set(years)):
    idx = np.where(years == y)[0]; n = len(idx)
    Rk = np.column_stack([rankdata(Xf[idx, j]) for j in range(X.shape[1])])  # cost: flipped -> largest raw gets 1
    rsr[idx] = Rk.sum(1) / (X.shape[1] * n)
grading = {}
for reg in ('distinct', 'rows'):
    g = {k: [None] * len(rows) for k in ('probit', 'fitted', 'grade')}; fits = {}
    for y in sorted(set(years)):
        idx = np.where(years == y)[0]
        r = rsr_grading(rsr[idx], reg)
        for k in ('probit', 'fitted', 'grade'):
            for t, q in enumerate(idx): g[k][q] = r[k][t]
        fits[str(y)] = {k: r[k] for k in ('a', 'b', 'cut4', 'cut6')}
    g['fit'] = fits; grading[reg] = g

# ---- GRA (C3) with mean / initial preprocessing on the raw benefit columns, pooled, rho 0.5, equal weights
ben = [j for j, d in enumerate(dirs) if d == '+']
def gra(Y, rho=0.5):
    ref = Y.max(0); D = np.abs(ref - Y); dmin, dmax = D.min(), D.max()
    xi = (dmin + rho * dmax) / (D + rho * dmax)
    return xi.mean(1)
Xb = X[:, ben]
gra_ref = {'benefitColumns': [cols[j] for j in ben],
           'mean': gra(Xb / Xb.mean(0)).tolist(),
           'initial': gra(Xb / Xb[0]).tolist()}
# per period: initial = first province of each year
gi = np.zeros((len(rows), len(ben)))
for y in sorted(set(years)):
    idx = np.where(years == y)[0]; Y = Xb[idx] / Xb[idx[0]]
    gi[idx] = Y
gra_ref['initialPeriodPreprocessed'] = gi.tolist()

# ---- nested hierarchy, per-period scope (B10 + B1/B4 per period): per-year min-max, entropy without shift
# (0 ln 0 := 0) within each dimension, W_d = sum of the flat per-year entropy weights of the dimension
dims = [d['subsystem'] for d in meta['indicators']]
def entropy_w(P):
    n = P.shape[0]; p = P / P.sum(0)
    with np.errstate(divide='ignore', invalid='ignore'):
        pl = np.where(p > 0, p * np.log(p), 0.0)
    e = -pl.sum(0) / np.log(n); d = 1 - e
    return d / d.sum()
nested = {}
for y in sorted(set(years)):
    idx = np.where(years == y)[0]; Y = X[idx]
    mn, mx = Y.min(0), Y.max(0)
    Xn = np.where(sign > 0, (Y - mn) / (mx - mn), (mx - Y) / (mx - mn))
    flat = entropy_w(Xn); g = np.zeros(len(cols))
    for dk in dict.fromkeys(dims):
        js = [j for j, d in enumerate(dims) if d == dk]
        loc = entropy_w(Xn[:, js]) if len(js) > 1 else np.ones(1)
        g[js] = flat[js].sum() * loc
    nested[str(y)] = g.tolist()

out = {'nestedPerPeriod': {'global': nested, 'dimension': 'subsystem', 'weights': 'entropy, W_d = sum'}, 'source': 'scripts/index-options/make_references.py (numpy %s)' % np.__version__, 'indicators': cols, 'directions': dirs,
       'rows': {'province': [r['province'] for r in rows], 'year': years.tolist()},
       'pca': pca, 'rsr': {'values': rsr.tolist(), 'grading': grading}, 'gra': gra_ref}
os.makedirs(f'{ROOT}/test/fixtures/index-options', exist_ok=True)
json.dump(out, open(f'{ROOT}/test/fixtures/index-options/references.json', 'w'), indent=1, ensure_ascii=False)
print('K', K, 'lam', lam[:K], 'rot', lam_r, 'crit', crit(A), crit(Ar))
