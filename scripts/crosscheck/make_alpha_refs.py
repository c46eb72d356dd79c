# Capital-share regression references (helper H5). Run with the pyenv python3 (numpy):
#   cd scripts/crosscheck && python3 make_alpha_refs.py
# Restated from methods.md G1 option alphaFromRegression, independently of xinzhi (numpy only):
#   ln(Y/L) = c + α ln(K/L) + ε over every PWT 9.1 country-year with rgdpna, rnna, emp (and hc in the second
#   case, L = emp·hc) all present and positive.
#   pooled: OLS with one constant (numpy lstsq); classical SE σ²(X'X)⁻¹, σ² = RSS/(N − 2);
#     cluster by country: V = G/(G−1)·(N−1)/(N−2)·(X'X)⁻¹ Σ_g (X_g'e_g)(X_g'e_g)' (X'X)⁻¹ (Stata vce(cluster)).
#   within: LSDV — one dummy per country, no constant (numpy lstsq), so the slope, RSS and classical SE come from
#     a different algebra than the within transformation xinzhi uses; classical df N − G − 1 (xtreg fe);
#     cluster SE from the demeaned regressor: G/(G−1)·(N−1)/(N−2) · Σ_g (Σ_t x̃ e)² / (Σ x̃²)² (xtreg fe
#     vce(cluster): K counts the constant); within R² = 1 − RSS / Σ (y − ȳ_i)².
import csv
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PWT = os.path.join('/work/shared/data', 'pwt91.csv')
OUT = os.path.join(HERE, '..', '..', 'test', 'fixtures', 'crosscheck', 'pwt_alpha_regression.json')


def load(cols):
    ys, xs, units = [], [], []
    dropped = 0
    with open(PWT, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            vals = [r[c] for c in ('rgdpna', 'rnna') + cols]
            if any(v == '' for v in vals):
                # a present row (xinzhi keeps every CSV row as present) with a missing value
                dropped += 1
                continue
            Y, K = float(vals[0]), float(vals[1])
            L = 1.0
            for v in vals[2:]:
                L *= float(v)
            ys.append(np.log(Y / L))
            xs.append(np.log(K / L))
            units.append(r['isocode'])
    return np.array(ys), np.array(xs), units, dropped


def cluster_meat(Xs, e, units):
    idx = {}
    for k, u in enumerate(units):
        idx.setdefault(u, []).append(k)
    p = Xs.shape[1]
    meat = np.zeros((p, p))
    for rows in idx.values():
        s = Xs[rows].T @ e[rows]
        meat += np.outer(s, s)
    return meat, len(idx)


def pooled(y, x, units):
    N = len(y)
    X = np.column_stack([np.ones(N), x])
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    e = y - X @ b
    rss = float(e @ e)
    XtXi = np.linalg.inv(X.T @ X)
    se = np.sqrt(np.diag(XtXi) * rss / (N - 2))
    meat, G = cluster_meat(X, e, units)
    Vc = XtXi @ meat @ XtXi * (G / (G - 1)) * ((N - 1) / (N - 2))
    r2 = 1 - rss / float(((y - y.mean()) ** 2).sum())
    return {'alpha': float(b[1]), 'intercept': float(b[0]), 'se': float(se[1]), 'seIntercept': float(se[0]),
            'seCluster': float(np.sqrt(Vc[1, 1])), 'r2': r2, 'n': N, 'units': G, 'df': N - 2}


def within(y, x, units):
    N = len(y)
    names = sorted(set(units))
    col = {u: j for j, u in enumerate(names)}
    G = len(names)
    D = np.zeros((N, G))
    for k, u in enumerate(units):
        D[k, col[u]] = 1.0
    X = np.column_stack([D, x])
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    e = y - X @ b
    rss = float(e @ e)
    df = N - G - 1
    # classical SE of the slope from the LSDV normal equations: Frisch–Waugh gives 1/Σ x̃², computed here via the
    # Schur complement of the dummy block, i.e. x'x − Σ_g (Σ_g x)²/n_g.
    sx = D.T @ x
    ng = D.sum(axis=0)
    sxx = float(x @ x - (sx ** 2 / ng).sum())
    se = np.sqrt(rss / df / sxx)
    xd = x - D @ (sx / ng)
    yd = y - D @ ((D.T @ y) / ng)
    meat, _ = cluster_meat(xd[:, None], e, units)
    Vc = meat[0, 0] / sxx ** 2 * (G / (G - 1)) * ((N - 1) / (N - 2))
    r2 = 1 - rss / float(yd @ yd)
    return {'alpha': float(b[-1]), 'se': float(se), 'seCluster': float(np.sqrt(Vc)), 'r2': r2, 'n': N, 'units': G,
            'df': df}


def main():
    out = {'data': 'shared/data/pwt91.csv (PWT 9.1), all country-years', 'output': 'rgdpna', 'capital': 'rnna',
           'model': 'ln(Y/L) = c + alpha ln(K/L) (+ country effects)', 'produced_by': 'numpy ' + np.__version__,
           'cases': {}}
    for name, cols in (('emp', ('emp',)), ('emp_hc', ('emp', 'hc'))):
        y, x, units, dropped = load(cols)
        out['cases'][name] = {'labor': cols[0], 'humanCapital': cols[1] if len(cols) > 1 else None,
                              'dropped': dropped, 'pooled': pooled(y, x, units), 'within': within(y, x, units)}
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, allow_nan=False)
    print('wrote', OUT)
    print(json.dumps(out['cases'], indent=1))


if __name__ == '__main__':
    main()
