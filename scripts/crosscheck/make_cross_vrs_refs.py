# Cross-efficiency references for output orientation and VRS (helper re-run of J's cross-check).
# Run: cd scripts/crosscheck && python3 make_cross_vrs_refs.py   (pyenv python3 with numpy + scipy; ~1 minute)
# Convention (deaR 1.5 cross_efficiency, epsilon 0, selfapp TRUE, correction FALSE, written out in u, v, u0 terms
# from Doyle & Green 1994 and deaR's documented model_multiplier; not derived from xinzhi's generic reduction):
#   io: stage 1 θ_i = max u'y_i + u0 s.t. v'x_i = 1, u'y_j + u0 − v'x_j ≤ 0 ∀j; cross = (u'y_j + u0) / v'x_j.
#       M2: min/max Σ_{j≠i}(u'y_j + u0 − v'x_j) s.t. v'x_i = 1, u'y_i + u0 = θ_i.
#       M3: min/max Σ_{j≠i}(u'y_j + u0) s.t. Σ_{j≠i} v'x_j = 1, u'y_i + u0 − θ_i v'x_i = 0.
#   oo: stage 1 φ_i = min v'x_i + u0 s.t. u'y_i = 1, u'y_j − v'x_j − u0 ≤ 0 ∀j; cross = (v'x_j + u0) / u'y_j.
#       M2: aggressive min / benevolent max Σ_{j≠i}(u'y_j − v'x_j − u0) s.t. u'y_i = 1, v'x_i + u0 = φ_i.
#       M3: aggressive min / benevolent max −Σ_{j≠i}(v'x_j + u0) s.t. Σ_{j≠i} u'y_j = 1, φ_i u'y_i − v'x_i − u0 = 0.
#   u0 free under VRS, 0 under CRS. e_j = column mean of cross (self-appraisal included); maverick = |E_jj − e_j|/e_j.
# For every (rater i, rated j) the min and max of cross[i][j] over the optimal face are computed (Charnes–Cooper),
# so e_j is bracketed; `unique` marks rated DMUs whose bracket is narrower than 1e-7 relative. Unbounded secondary
# LPs (VRS aggressive, free u0) are stored as status 'unbounded'.
import json
import numpy as np
from lpref import read_csv, lp, dump, MORE

SHARED_DEA = MORE.replace('/more/', '/dea/')
TOL = 1e-9


def load(name, inputs, outputs, folder=None):
    if folder:
        import csv
        with open(folder + name, newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f))
        head, rows = rows[0], rows[1:]
    else:
        head, rows = read_csv(name)
    X = np.array([[float(r[head.index(c)]) for r in rows] for c in inputs])
    Y = np.array([[float(r[head.index(c)]) for r in rows] for c in outputs])
    return [r[0] for r in rows], X, Y


def build(X, Y, i, orient, rts, method, E):
    """Variables z = (u (s), v (m), u0). Returns c (minimise), A_ub, b_ub, A_eq, b_eq, num(j), den(j)."""
    m, n = X.shape
    s = Y.shape[0]
    nv = s + m + 1
    oth = [j for j in range(n) if j != i]
    if orient == 'io':
        A_ub = [np.r_[Y[:, j], -X[:, j], 1.0] for j in range(n)]
        num = lambda j: np.r_[Y[:, j], np.zeros(m), 1.0]
        den = lambda j: np.r_[np.zeros(s), X[:, j], 0.0]
        if method == 'stage1':
            return -num(i), A_ub, [np.r_[np.zeros(s), X[:, i], 0.0]], [1.0], num, den
        kind, goal = method.split('_')
        sg = 1.0 if goal == 'agg' else -1.0
        if kind == 'm2':
            c = sg * np.r_[Y[:, oth].sum(1), -X[:, oth].sum(1), len(oth)]
            return c, A_ub, [np.r_[np.zeros(s), X[:, i], 0.0], np.r_[Y[:, i], np.zeros(m), 1.0]], [1.0, E], num, den
        c = sg * np.r_[Y[:, oth].sum(1), np.zeros(m), len(oth)]
        return c, A_ub, [np.r_[np.zeros(s), X[:, oth].sum(1), 0.0], np.r_[Y[:, i], -E * X[:, i], 1.0]], [1.0, 0.0], num, den
    A_ub = [np.r_[Y[:, j], -X[:, j], -1.0] for j in range(n)]
    num = lambda j: np.r_[np.zeros(s), X[:, j], 1.0]
    den = lambda j: np.r_[Y[:, j], np.zeros(m), 0.0]
    if method == 'stage1':
        return num(i), A_ub, [np.r_[Y[:, i], np.zeros(m), 0.0]], [1.0], num, den
    kind, goal = method.split('_')
    sg = 1.0 if goal == 'agg' else -1.0
    if kind == 'm2':
        c = sg * np.r_[Y[:, oth].sum(1), -X[:, oth].sum(1), -len(oth)]
        return c, A_ub, [np.r_[Y[:, i], np.zeros(m), 0.0], np.r_[np.zeros(s), X[:, i], 1.0]], [1.0, E], num, den
    c = sg * np.r_[np.zeros(s), -X[:, oth].sum(1), -len(oth)]
    return c, A_ub, [np.r_[Y[:, oth].sum(1), np.zeros(m), 0.0], np.r_[E * Y[:, i], -X[:, i], -1.0]], [1.0, 0.0], num, den


def bounds(rts, nv):
    return [(0, None)] * (nv - 1) + [(None, None) if rts == 'vrs' else (0, 0)]


def face(c, A_ub, A_eq, b_eq, opt, num, den, j, rts, nv):
    tol = TOL * max(1.0, abs(opt))
    Au = [np.r_[a, 0.0] for a in A_ub] + [np.r_[c, -(opt + tol)]]
    Ae = [np.r_[a, -bb] for a, bb in zip(A_eq, b_eq)] + [np.r_[den(j), 0.0]]
    be = [0.0] * (len(Ae) - 1) + [1.0]
    out = []
    for sg in (1.0, -1.0):
        st, r = lp(sg * np.r_[num(j), 0.0], np.array(Au), np.zeros(len(Au)), np.array(Ae), np.array(be), bounds(rts, nv) + [(0, None)])
        out.append(sg * r.fun if st == 'optimal' else np.nan)  # a failed bound leaves e_j not unique
    return out


def refs(ids, X, Y):
    m, n = X.shape
    s = Y.shape[0]
    nv = s + m + 1
    res = {}
    # output orientation divides by u'y_j: only for strictly positive outputs (doyle_green has zero outputs)
    for orient in (('io', 'oo') if (Y > 0).all() else ('io',)):
        for rts in ('crs', 'vrs'):
            case = {}
            E = []
            for i in range(n):
                c, Au, Ae, be, _, _ = build(X, Y, i, orient, rts, 'stage1', None)
                st, r = lp(c, np.array(Au), np.zeros(n), np.array(Ae), np.array(be), bounds(rts, nv))
                assert st == 'optimal'
                E.append(r.fun if orient == 'oo' else -r.fun)
            case['efficiency'] = E  # θ (io) or φ (oo)
            for method in ('m2_agg', 'm2_ben', 'm3_agg', 'm3_ben'):
                lo = np.full((n, n), np.nan); hi = np.full((n, n), np.nan); statuses = []
                for i in range(n):
                    c, Au, Ae, be, num, den = build(X, Y, i, orient, rts, method, E[i])
                    st, r = lp(c, np.array(Au), np.zeros(n), np.array(Ae), np.array(be), bounds(rts, nv))
                    statuses.append(st)
                    if st != 'optimal':
                        continue
                    for j in range(n):
                        lo[i, j], hi[i, j] = face(c, Au, Ae, be, r.fun, num, den, j, rts, nv)
                ok = all(st == 'optimal' for st in statuses)
                entry = {'raterStatus': statuses}
                if ok:
                    eL, eU = lo.mean(0), hi.mean(0)
                    entry['eLower'] = eL.tolist()
                    entry['eUpper'] = eU.tolist()
                    entry['unique'] = [bool(np.isfinite(u - l) and u - l <= 1e-7 * max(1.0, abs(u))) for l, u in zip(eL, eU)]
                    entry['eLower'] = [None if not np.isfinite(v) else v for v in entry['eLower']]
                    entry['eUpper'] = [None if not np.isfinite(v) else v for v in entry['eUpper']]
                case[method] = entry
                print(orient, rts, method, 'statuses', {k: statuses.count(k) for k in set(statuses)},
                      'unique e', sum(entry.get('unique', [])), '/', n)
            res[f'{orient}_{rts}'] = case
    return res


out = {}
ids, X, Y = load('doyle_green_1994.csv', ['Salaries', 'Other_expenses'], ['Undergraduates', 'Postgraduates', 'Research_income', 'Publications'])
out['doyle_green'] = {'dataset': 'more/doyle_green_1994.csv', 'inputs': ['Salaries', 'Other_expenses'],
                      'outputs': ['Undergraduates', 'Postgraduates', 'Research_income', 'Publications'], 'ids': ids, 'cases': refs(ids, X, Y)}
ids, X, Y = load('golany_roll_1989_cross_efficiency_io_crs.csv', ['X1', 'X2', 'X3'], ['Y1', 'Y2'], SHARED_DEA)
out['golany_roll'] = {'dataset': 'dea/golany_roll_1989_cross_efficiency_io_crs.csv', 'inputs': ['X1', 'X2', 'X3'],
                      'outputs': ['Y1', 'Y2'], 'ids': ids, 'cases': refs(ids, X, Y)}
dump('cross_vrs_oo.json', out)
