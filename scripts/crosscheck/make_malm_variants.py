# Malmquist variants on usagri (helper J): Ray–Desli decomposition, biennial and window:1 frontiers (methods.md F1,
# F3, F7). Input orientation. Run: python3 scripts/crosscheck/make_malm_variants.py
#   rd: M = E_c^t(t+1)/E_c^t(t)·... (CRS, FGNZ), PECH = E_v^{t+1}(t+1)/E_v^t(t),
#       TC_v = √[E_v^t(t+1)/E_v^{t+1}(t+1) · E_v^t(t)/E_v^{t+1}(t)], SCH = √[SE^t(t+1)/SE^t(t) · SE^{t+1}(t+1)/SE^{t+1}(t)],
#       SE^a(b) = E_c^a(b)/E_v^a(b); an infeasible VRS cross-period LP nulls TC_v and SCH.
#   biennial: B = periods {t, t+1}; BM = E^B(t+1)/E^B(t); EC contemporaneous; TC = BM/EC (CRS).
#   window:1: T^t = periods t−1..t+1 truncated at the ends; adjacent-period formulas (CRS).
import math
import numpy as np
from lpref import read_csv, radial, dump

head, rows = read_csv('usagri.csv')
INP = ['q.capital', 'q.land', 'q.labor', 'q.materials']; OUT = ['q.livestock', 'q.crop', 'q.other']
ids = [r[0] for r in rows]; per = [int(r[1]) for r in rows]
X = np.array([[float(r[head.index(c)]) for r in rows] for c in INP]); Y = np.array([[float(r[head.index(c)]) for r in rows] for c in OUT])
X = X / X.mean(1, keepdims=True); Y = Y / Y.mean(1, keepdims=True)
n = X.shape[1]; pers = sorted(set(per)); units = sorted(set(ids))
idx = {(ids[j], per[j]): j for j in range(n)}


def E(ref_periods, j, rts='crs'):
    ref = [k for k in range(n) if per[k] in ref_periods]
    Xa = np.hstack([X[:, ref], X[:, [j]]]); Ya = np.hstack([Y[:, ref], Y[:, [j]]])
    st, sc = radial(Xa, Ya, len(ref), 'in', rts, list(range(len(ref))))
    return sc if st == 'optimal' else None


rd, bien, win = [], [], []
for k in range(len(pers) - 1):
    t, t1 = pers[k], pers[k + 1]
    for u in units:
        a, b = idx[(u, t)], idx[(u, t1)]
        c = {(p, q): E([p], q_) for p in (t, t1) for q, q_ in ((t, a), (t1, b))}
        v = {(p, q): E([p], q_, 'vrs') for p in (t, t1) for q, q_ in ((t, a), (t1, b))}
        M = math.sqrt(c[(t, t1)] / c[(t, t)] * c[(t1, t1)] / c[(t1, t)])
        pe = v[(t1, t1)] / v[(t, t)]
        base = {'id': u, 'from': t, 'to': t1}
        if None in v.values():
            rd.append({**base, 'tfpch': M, 'effch': pe, 'techch': None, 'sch': None})
        else:
            tcv = math.sqrt(v[(t, t1)] / v[(t1, t1)] * v[(t, t)] / v[(t1, t)])
            se = {key: c[key] / v[key] for key in c}
            sch = math.sqrt(se[(t, t1)] / se[(t, t)] * se[(t1, t1)] / se[(t1, t)])
            rd.append({**base, 'tfpch': M, 'effch': pe, 'techch': tcv, 'sch': sch})
        ec = c[(t1, t1)] / c[(t, t)]
        bm = E([t, t1], b) / E([t, t1], a)
        bien.append({**base, 'tfpch': bm, 'effch': ec, 'techch': bm / ec})
        Wt = [p for p in pers if t - 1 <= p <= t + 1]; Wt1 = [p for p in pers if t1 - 1 <= p <= t1 + 1]
        d00, d01, d10, d11 = E(Wt, a), E(Wt, b), E(Wt1, a), E(Wt1, b)
        m = math.sqrt(d01 / d00 * d11 / d10); e2 = d11 / d00
        win.append({**base, 'tfpch': m, 'effch': e2, 'techch': m / e2})
print('rd nulls', sum(r['techch'] is None for r in rd))
dump('usagri_malmquist_variants.json', {'dataset': 'usagri.csv', 'inputs': INP, 'outputs': OUT, 'rd': rd, 'biennial': bien, 'window1': win})
