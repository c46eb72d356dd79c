# Bias decomposition of Malmquist technical change (helper H4): TECHCH = MATECH·OBTECH·IBTECH (Färe, Grifell-Tatjé,
# Grosskopf & Lovell 1997, Scand. J. Econ. 99(1):119–127; as R productivity `malm` reports obtech/ibtech/matech).
# Independent of xinzhi: every distance is its own scipy HiGHS LP (tolerances 1e-10) on mean-scaled data.
# Notation E^a(x^b, y^c): Farrell efficiency (θ input; 1/φ output = Shephard output distance) of the point
# (inputs of period b, outputs of period c) against the CRS technology of period a; 0 = t, 1 = t+1:
#   TECHCH = √[E^0(x1,y1)/E^1(x1,y1) · E^0(x0,y0)/E^1(x0,y0)]
#   MATECH = E^0(x0,y0)/E^1(x0,y0)
#   OBTECH = √[E^0(x1,y1)/E^1(x1,y1) · E^1(x1,y0)/E^0(x1,y0)]
#   IBTECH = √[E^1(x0,y0)/E^0(x0,y0) · E^0(x1,y0)/E^1(x1,y0)]
# (productivity's input orientation uses D_i = 1/θ with every ratio inverted: the same expressions in θ.)
# Cases: usagri (4 inputs, 3 outputs) in/out contemporaneous and in sequential (T^t = periods ≤ t); rice_prod_phil
# (AREA, LABOR, NPK, OTHER → PROD) out; grifell_lovell_1999 (one input, one output: OBTECH = IBTECH = 1) in/out.
# Run: cd scripts/crosscheck && python3 make_malm_bias_refs.py   (about 35 s)
import csv
import json
import math
import numpy as np
from scipy.optimize import linprog

MORE = '/work/shared/fixtures/more/'
SHARED = '/work/shared/fixtures/'
OUT = '/work/main/test/fixtures/crosscheck/'


def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def farrell(Xr, Yr, xo, yo, orient):
    """CRS Farrell efficiency of (xo, yo) against reference columns Xr (m, R), Yr (s, R)."""
    m, R = Xr.shape
    s = Yr.shape[0]
    c = np.zeros(1 + R)
    A, b = [], []
    if orient == 'in':  # min θ: Xλ − θx_o ≤ 0, −Yλ ≤ −y_o
        c[0] = 1.0
        for i in range(m):
            A.append(np.r_[-xo[i], Xr[i]]); b.append(0.0)
        for r in range(s):
            A.append(np.r_[0.0, -Yr[r]]); b.append(-yo[r])
    else:  # max φ: Xλ ≤ x_o, φy_o − Yλ ≤ 0
        c[0] = -1.0
        for i in range(m):
            A.append(np.r_[0.0, Xr[i]]); b.append(xo[i])
        for r in range(s):
            A.append(np.r_[yo[r], -Yr[r]]); b.append(0.0)
    res = linprog(c, A_ub=np.array(A), b_ub=np.array(b), bounds=[(None, None)] + [(0, None)] * R, method='highs',
                  options={'primal_feasibility_tolerance': 1e-10, 'dual_feasibility_tolerance': 1e-10})
    if res.status != 0:
        return None
    v = float(res.x[0])
    return v if orient == 'in' else 1.0 / v


def case(head, rows, idc, perc, inputs, outputs, orient, frontier):
    ids = [r[head.index(idc)] for r in rows]
    per = [int(float(r[head.index(perc)])) for r in rows]
    X = np.array([[float(r[head.index(c)]) for r in rows] for c in inputs])
    Y = np.array([[float(r[head.index(c)]) for r in rows] for c in outputs])
    X = X / X.mean(1, keepdims=True)
    Y = Y / Y.mean(1, keepdims=True)
    pers = sorted(set(per))
    units = sorted(set(ids))
    idx = {(ids[j], per[j]): j for j in range(len(ids))}

    def ref(p):
        cols = [j for j in range(len(ids)) if (per[j] <= p if frontier == 'sequential' else per[j] == p)]
        return X[:, cols], Y[:, cols]

    out = []
    for k in range(len(pers) - 1):
        t, t1 = pers[k], pers[k + 1]
        R0, R1 = ref(t), ref(t1)
        for u in units:
            a, b = idx[(u, t)], idx[(u, t1)]
            x0, y0, x1, y1 = X[:, a], Y[:, a], X[:, b], Y[:, b]
            e = {
                '000': farrell(*R0, x0, y0, orient), '111': farrell(*R1, x1, y1, orient),
                '011': farrell(*R0, x1, y1, orient), '100': farrell(*R1, x0, y0, orient),
                '010': farrell(*R0, x1, y0, orient), '110': farrell(*R1, x1, y0, orient),
            }
            row = {'id': u, 'from': t, 'to': t1, 'E': e}
            if None in e.values():
                row.update({'techch': None, 'matech': None, 'obtech': None, 'ibtech': None})
            else:
                row['techch'] = math.sqrt(e['011'] / e['111'] * e['000'] / e['100'])
                row['matech'] = e['000'] / e['100']
                row['obtech'] = math.sqrt(e['011'] / e['111'] * e['110'] / e['010'])
                row['ibtech'] = math.sqrt(e['100'] / e['000'] * e['010'] / e['110'])
            out.append(row)
    return out


cases = {}
h, r = read(MORE + 'usagri.csv')
UI = ['q.capital', 'q.land', 'q.labor', 'q.materials']
UO = ['q.livestock', 'q.crop', 'q.other']
for orient, fr in (('in', 'contemporaneous'), ('out', 'contemporaneous'), ('in', 'sequential')):
    cases[f'usagri_{orient}_{fr}'] = {'dataset': 'more/usagri.csv', 'id': 'DMU', 'period': 'Period', 'inputs': UI, 'outputs': UO,
                                      'orientation': orient, 'frontier': fr, 'rows': case(h, r, 'DMU', 'Period', UI, UO, orient, fr)}
h, r = read(MORE + 'rice_prod_phil.csv')
RI = ['AREA', 'LABOR', 'NPK', 'OTHER']
cases['rice_out_contemporaneous'] = {'dataset': 'more/rice_prod_phil.csv', 'id': 'FMERCODE', 'period': 'YEARDUM', 'inputs': RI, 'outputs': ['PROD'],
                                     'orientation': 'out', 'frontier': 'contemporaneous', 'rows': case(h, r, 'FMERCODE', 'YEARDUM', RI, ['PROD'], 'out', 'contemporaneous')}
h, r = read(SHARED + 'malmquist/grifell_lovell_1999_malmquist_io_crs.csv')
for orient in ('in', 'out'):
    cases[f'grifell_lovell_{orient}'] = {'dataset': 'malmquist/grifell_lovell_1999_malmquist_io_crs.csv', 'id': 'DMU', 'period': 'Period', 'inputs': ['X'], 'outputs': ['Y'],
                                         'orientation': orient, 'frontier': 'contemporaneous', 'rows': case(h, r, 'DMU', 'Period', ['X'], ['Y'], orient, 'contemporaneous')}

# Sanity: the identity, and the one-input-one-output bias terms.
for name, c in cases.items():
    for row in c['rows']:
        if row['techch'] is None:
            continue
        assert abs(row['matech'] * row['obtech'] * row['ibtech'] - row['techch']) < 1e-12 * row['techch'], (name, row)
        if name.startswith('grifell'):
            assert abs(row['obtech'] - 1) < 1e-9 and abs(row['ibtech'] - 1) < 1e-9, (name, row)
    print(name, len(c['rows']), 'rows', sum(r['techch'] is None for r in c['rows']), 'null')

with open(OUT + 'malmquist_bias.json', 'w', encoding='utf-8') as f:
    json.dump({'method': 'Malmquist bias decomposition (FGGL 1997; R productivity malm obtech/ibtech/matech), CRS distances',
               'solver': 'scipy.optimize.linprog highs, tolerances 1e-10, mean-scaled data', 'cases': cases}, f, separators=(',', ':'), allow_nan=False)
    f.write('\n')
print('wrote malmquist_bias.json')
