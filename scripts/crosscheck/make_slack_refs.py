# Individual max-slack values where they are unique (helper J). Run: python3 scripts/crosscheck/make_slack_refs.py
# For each DMU: phase I θ*/φ*; phase II max Σs (original units, deaR maxslack / Benchmarking SLACK); then, over the
# optimal face of phase II (Σs ≥ max − 1e-9·max(1, max)), the min and max of every single slack. Where min = max the
# slack (and so the target) is unique and a reference tool must agree; elsewhere only the total is comparable.
import numpy as np
from lpref import read_csv, radial, phase2, lp, dump


def load(name, inputs, outputs):
    head, rows = read_csv(name)
    return [r[0] for r in rows], np.array([[float(r[head.index(c)]) for r in rows] for c in inputs]), \
        np.array([[float(r[head.index(c)]) for r in rows] for c in outputs])


def face(X, Y, o, orient, rts, score, w, best):
    m, s, n = X.shape[0], Y.shape[0], X.shape[1]
    A_eq, b_eq = [], []
    for i in range(m):
        A_eq.append(np.r_[X[i], np.eye(m)[i], np.zeros(s)]); b_eq.append(score * X[i, o] if orient == 'in' else X[i, o])
    for r in range(s):
        A_eq.append(np.r_[Y[r], np.zeros(m), -np.eye(s)[r]]); b_eq.append(Y[r, o] if orient == 'in' else score * Y[r, o])
    if rts == 'vrs':
        A_eq.append(np.r_[np.ones(n), np.zeros(m + s)]); b_eq.append(1.0)
    A_ub = [np.r_[np.zeros(n), -w]]; b_ub = [-(best - 1e-9 * max(1.0, best))]
    lo, hi = [], []
    for k in range(m + s):
        c = np.zeros(n + m + s); c[n + k] = 1.0
        st1, r1 = lp(c, np.array(A_ub), np.array(b_ub), np.array(A_eq), np.array(b_eq), [(0, None)] * (n + m + s))
        st2, r2 = lp(-c, np.array(A_ub), np.array(b_ub), np.array(A_eq), np.array(b_eq), [(0, None)] * (n + m + s))
        lo.append(r1.fun); hi.append(-r2.fun)
    return lo, hi


def build(name, inputs, outputs):
    ids, X0, Y0 = load(name, inputs, outputs)
    fx, fy = X0.mean(1), Y0.mean(1)
    X, Y = X0 / fx[:, None], Y0 / fy[:, None]
    f = np.r_[fx, fy]
    out = {'dataset': name, 'inputs': inputs, 'outputs': outputs, 'ids': ids, 'cases': {}}
    for orient in ('in', 'out'):
        for rts in ('crs', 'vrs'):
            rows = []
            for o in range(len(ids)):
                st, sc = radial(X, Y, o, orient, rts, list(range(len(ids))))
                best, _, _ = phase2(X, Y, o, orient, rts, sc, fx, fy)
                lo, hi = face(X, Y, o, orient, rts, sc, f, best)
                # back to original units
                rows.append({'lo': (np.array(lo) * f).tolist(), 'hi': (np.array(hi) * f).tolist()})
            out['cases'][f'{orient}_{rts}'] = rows
            uniq = sum(all(abs(h - l) <= 1e-7 * max(1, abs(h)) for l, h in zip(r['lo'], r['hi'])) for r in rows)
            print(name, orient, rts, 'DMUs with unique slacks:', uniq, '/', len(rows))
    return out


if __name__ == '__main__':
    dump('charnes1981_slacks.json', build('charnes1981.csv', ['x1', 'x2', 'x3', 'x4', 'x5'], ['y1', 'y2', 'y3']))
    dump('airlines_slacks.json', build('airlines.csv', ['Lab', 'Fuel', 'Matl', 'Cap'], ['Pass', 'Cargo']))
