# Cross-efficiency references on doyle_green_1994 (helper J). Run: python3 scripts/crosscheck/make_cross_refs.py
# Convention (deaR cross_efficiency, orientation io, rts crs, epsilon 0, selfapp TRUE, read from its documentation
# and methods restated from Doyle & Green 1994):
#   stage 1 (rater i): E_ii = max u'y_i s.t. v'x_i = 1, u'y_j − v'x_j ≤ 0 ∀j, u, v ≥ 0.
#   M2 (method II): min (aggressive) / max (benevolent) Σ_{j≠i}(u'y_j − v'x_j) s.t. v'x_i = 1, u'y_i = E_ii, u'y_j − v'x_j ≤ 0.
#   M3 (method III): min / max Σ_{j≠i} u'y_j s.t. Σ_{j≠i} v'x_j = 1, u'y_i − E_ii v'x_i = 0, u'y_j − v'x_j ≤ 0.
#   cross[i][j] = u_i'y_j / v_i'x_j; e_j = column mean (self-appraisal included); A_i = row mean.
# Because the multipliers are not unique, for every (rater i, rated j) the script also computes the min and max of
# cross[i][j] over the optimal face (linear-fractional LPs, Charnes–Cooper), so e_j is bracketed exactly by the
# mean of those bounds. The secondary objective optimum per rater is unique and is stored.
# Zeros: outputs Postgraduates/Research_income are 0 for some departments; inputs are positive, so every ratio is
# defined. Data are used in original units (the LP is scale invariant; HiGHS scales internally).
import numpy as np
from lpref import read_csv, lp, dump

head, rows = read_csv('doyle_green_1994.csv')
ids = [r[0] for r in rows]
INPUTS = ['Salaries', 'Other_expenses']
OUTPUTS = ['Undergraduates', 'Postgraduates', 'Research_income', 'Publications']
X = np.array([[float(r[head.index(c)]) for r in rows] for c in INPUTS])
Y = np.array([[float(r[head.index(c)]) for r in rows] for c in OUTPUTS])
m, s, n = X.shape[0], Y.shape[0], X.shape[1]
TOL = 1e-9


def problem(i, method, E):
    """Constraints (A_ub, b_ub, A_eq, b_eq) and objective c (to minimise) on z = (u (s), v (m))."""
    A_ub = [np.r_[Y[:, j], -X[:, j]] for j in range(n)]
    b_ub = [0.0] * n
    others = [j for j in range(n) if j != i]
    if method == 'stage1':
        return np.r_[-Y[:, i], np.zeros(m)], A_ub, b_ub, [np.r_[np.zeros(s), X[:, i]]], [1.0]
    kind, goal = method.split('_')
    sign = 1.0 if goal == 'agg' else -1.0
    if kind == 'm2':
        c = sign * np.r_[Y[:, others].sum(1), -X[:, others].sum(1)]
        A_eq = [np.r_[np.zeros(s), X[:, i]], np.r_[Y[:, i], np.zeros(m)]]
        return c, A_ub, b_ub, A_eq, [1.0, E]
    c = sign * np.r_[Y[:, others].sum(1), np.zeros(m)]
    A_eq = [np.r_[np.zeros(s), X[:, others].sum(1)], np.r_[Y[:, i], -E * X[:, i]]]
    return c, A_ub, b_ub, A_eq, [1.0, 0.0]


def face_bounds(c, A_ub, b_ub, A_eq, b_eq, opt, j):
    """min/max of u'y_j / v'x_j over {z feasible, c'z ≤ opt + tol}; Charnes–Cooper with w = (z̃, t)."""
    nz = s + m
    tol = TOL * max(1.0, abs(opt))
    Au = [np.r_[a, -bb] for a, bb in zip(A_ub, b_ub)] + [np.r_[c, -(opt + tol)]]
    Ae = [np.r_[a, -bb] for a, bb in zip(A_eq, b_eq)] + [np.r_[np.zeros(s), X[:, j], 0.0]]
    be = [0.0] * (len(Ae) - 1) + [1.0]
    obj = np.r_[Y[:, j], np.zeros(m), 0.0]
    out = []
    for sg in (1.0, -1.0):
        st, r = lp(sg * obj, np.array(Au), np.zeros(len(Au)), np.array(Ae), np.array(be), [(0, None)] * (nz + 1))
        assert st == 'optimal', st
        out.append(sg * r.fun)
    return out  # [min, max]


res = {'dataset': 'doyle_green_1994.csv', 'inputs': INPUTS, 'outputs': OUTPUTS, 'ids': ids, 'methods': {}}
E = []
for i in range(n):
    c, Au, bu, Ae, be = problem(i, 'stage1', None)
    st, r = lp(c, np.array(Au), np.array(bu), np.array(Ae), np.array(be), [(0, None)] * (s + m))
    E.append(-r.fun)
res['efficiency'] = E
for method in ('stage1', 'm2_agg', 'm2_ben', 'm3_agg', 'm3_ben'):
    lo = np.zeros((n, n)); hi = np.zeros((n, n)); cross = np.zeros((n, n)); opts = []
    for i in range(n):
        c, Au, bu, Ae, be = problem(i, method, E[i])
        st, r = lp(c, np.array(Au), np.array(bu), np.array(Ae), np.array(be), [(0, None)] * (s + m))
        assert st == 'optimal', (method, i, st)
        opts.append(r.fun)
        u, v = r.x[:s], r.x[s:]
        for j in range(n):
            cross[i, j] = u @ Y[:, j] / (v @ X[:, j])
            lo[i, j], hi[i, j] = face_bounds(c, Au, bu, Ae, be, r.fun, j)
    res['methods'][method] = {
        'objective': opts,  # minimised objective (sign as in problem())
        'eOneSolution': cross.mean(0).tolist(),
        'eLower': lo.mean(0).tolist(), 'eUpper': hi.mean(0).tolist(),
        'maxWidth': float((hi - lo).max()),
    }
    print(method, 'max face width', float((hi - lo).max()), 'e width', float((hi.mean(0) - lo.mean(0)).max()))
dump('doyle_green_cross.json', res)
