# Larger problems that exercise xinzhi's efficient-frame path (n ≥ 150 per frontier) — helper J.
# Run: python3 scripts/crosscheck/make_large_refs.py
# usagri pooled over all 480 state-years as one frontier (dea --frontier pooled): radial CRS/VRS in/out efficiency,
# AP super-efficiency (VRS infeasible → status), SBM non-oriented VRS, super-SBM VRS; and global / sequential
# Malmquist (methods.md F1, F5): M^G = E^G(t+1)/E^G(t), effch contemporaneous, techch = M^G/effch (best-practice
# gap change); sequential: T^t = periods ≤ t with the adjacent-period formulas. Input orientation, CRS distances.
import math
import numpy as np
from lpref import read_csv, radial, sbm, super_sbm, dump

head, rows = read_csv('usagri.csv')
INP = ['q.capital', 'q.land', 'q.labor', 'q.materials']; OUT = ['q.livestock', 'q.crop', 'q.other']
ids = [r[0] for r in rows]; per = [int(r[1]) for r in rows]
X0 = np.array([[float(r[head.index(c)]) for r in rows] for c in INP])
Y0 = np.array([[float(r[head.index(c)]) for r in rows] for c in OUT])
X = X0 / X0.mean(1, keepdims=True); Y = Y0 / Y0.mean(1, keepdims=True)
n = X.shape[1]
allr = list(range(n))
pooled = {'ids': ids, 'periods': per, 'cases': {}}
for orient in ('in', 'out'):
    for rts in ('crs', 'vrs'):
        eff, sup = [], []
        for o in range(n):
            st, sc = radial(X, Y, o, orient, rts, allr)
            eff.append(sc if orient == 'in' else 1 / sc)
            if rts == 'vrs':
                st, s2 = radial(X, Y, o, orient, rts, [j for j in allr if j != o])
                sup.append((s2 if orient == 'in' else 1 / s2) if st == 'optimal' else {'status': st})
        pooled['cases'][f'{orient}_{rts}'] = {'efficiency': eff, **({'superAP': sup} if sup else {})}
rho = [sbm(X, Y, o, 'non', 'vrs')[1] for o in range(n)]
delta = [super_sbm(X, Y, o, 'vrs')[1] for o in range(n)]
pooled['sbm_vrs'] = {'rho': rho, 'superDelta': delta}
print('pooled done')

pers = sorted(set(per))
idx = {(ids[j], per[j]): j for j in range(n)}
units = sorted(set(ids))


def E(ref_periods, j, rts='crs'):
    ref = [k for k in allr if per[k] in ref_periods]
    Xa = np.hstack([X[:, ref], X[:, [j]]]); Ya = np.hstack([Y[:, ref], Y[:, [j]]])
    st, sc = radial(Xa, Ya, len(ref), 'in', rts, list(range(len(ref))))
    return sc if st == 'optimal' else None


glob, seq = [], []
for k in range(len(pers) - 1):
    t, t1 = pers[k], pers[k + 1]
    for u in units:
        a, b = idx[(u, t)], idx[(u, t1)]
        ec = E([t1], b) / E([t], a)
        mg = E(pers, b) / E(pers, a)
        glob.append({'id': u, 'from': t, 'to': t1, 'tfpch': mg, 'effch': ec, 'techch': mg / ec})
        St, St1 = [p for p in pers if p <= t], [p for p in pers if p <= t1]
        d00, d01, d10, d11 = E(St, a), E(St, b), E(St1, a), E(St1, b)
        m = math.sqrt(d01 / d00 * d11 / d10); ec2 = d11 / d00
        seq.append({'id': u, 'from': t, 'to': t1, 'tfpch': m, 'effch': ec2, 'techch': m / ec2})
dump('usagri_large.json', {'dataset': 'usagri.csv', 'inputs': INP, 'outputs': OUT, 'pooled': pooled,
                           'malmquistGlobal': glob, 'malmquistSequential': seq})
