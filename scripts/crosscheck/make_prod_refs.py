# Productivity and DDF references (helper J). Run: python3 scripts/crosscheck/make_prod_refs.py
# Conventions from methods.md E7, E8, F1–F6 (restated, not taken from xinzhi):
#   E^a(b): Farrell efficiency (θ, or 1/φ) of period-b data against the period-a technology; mean-scaled data.
#   Malmquist (FGNZ): tfpch = √[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)], effch = E^{t+1}(t+1)/E^t(t),
#   techch = tfpch/effch, CRS distances; pech = E_v^{t+1}(t+1)/E_v^t(t), sech = effch/pech.
#   Benchmarking malmq convention (distanceRts vrs): the same formulas with all four distances VRS.
#   DDF: β* = max β, Xλ ≤ x_o − βg_x, Yλ ≥ y_o + βg_y, Bλ = b_o − βg_b (weak), β free; green g = (0, y_o, b_o),
#   graph g = (x_o, y_o, b_o); efficiency 1/(1+β). NDDF: β ≥ 0 per variable, normalised weights (equal shares to the
#   groups the direction moves, split equally within).
#   ML = √{[(1+D^t(t))/(1+D^t(t+1))]·[(1+D^{t+1}(t))/(1+D^{t+1}(t+1))]}, MLEC = (1+D^t(t))/(1+D^{t+1}(t+1)),
#   MLTC = ML/MLEC. GML = (1+D^G(t))/(1+D^G(t+1)), G = both periods pooled; EC = MLEC; BPC = GML/EC.
#   Luenberger L = ½[(D^{t+1}(t) − D^{t+1}(t+1)) + (D^t(t) − D^t(t+1))], LEC = D^t(t) − D^{t+1}(t+1), LTC = L − LEC.
import math
import numpy as np
from lpref import read_csv, radial, ddf, nddf, dump


def panel(name, idc, perc, inputs, outputs, bads=()):
    head, rows = read_csv(name)
    ids = sorted({r[head.index(idc)] for r in rows}, key=lambda s: (len(s), s) if s.isdigit() else (0, s))
    pers = sorted({int(float(r[head.index(perc)])) for r in rows})
    obs = {(r[head.index(idc)], int(float(r[head.index(perc)]))): r for r in rows}
    cols = list(inputs) + list(outputs) + list(bads)
    V = {c: np.array([[float(obs[(i, t)][head.index(c)]) for t in pers] for i in ids]) for c in cols}
    f = {c: V[c].mean() for c in cols}  # pooled mean scaling
    Vs = {c: V[c] / f[c] for c in cols}
    return ids, pers, Vs


def mats(Vs, cols, tcols):
    return np.array([Vs[c][:, tcols].reshape(-1, order='F') if isinstance(tcols, list) else Vs[c][:, tcols] for c in cols])


def dist_radial(Vs, inputs, outputs, a, b, o, orient, rts):
    """E^a(b) for unit o; a is a list of period indices forming the technology."""
    Xr = np.hstack([np.array([Vs[c][:, t] for c in inputs]) for t in a])
    Yr = np.hstack([np.array([Vs[c][:, t] for c in outputs]) for t in a])
    xo = np.array([Vs[c][o, b] for c in inputs]); yo = np.array([Vs[c][o, b] for c in outputs])
    X = np.hstack([Xr, xo[:, None]]); Y = np.hstack([Yr, yo[:, None]])
    st, sc = radial(X, Y, X.shape[1] - 1, orient, rts, list(range(Xr.shape[1])))
    if st != 'optimal':
        return None
    return sc if orient == 'in' else 1.0 / sc


def malmquist_ref(name, idc, perc, inputs, outputs):
    ids, pers, Vs = panel(name, idc, perc, inputs, outputs)
    out = {'dataset': name, 'id': idc, 'period': perc, 'inputs': inputs, 'outputs': outputs, 'ids': ids,
           'periods': pers, 'cases': {}}
    for orient in ('in', 'out'):
        rowsF, rowsB = [], []
        for k in range(len(pers) - 1):
            for o, i in enumerate(ids):
                d = {}
                for rts in ('crs', 'vrs'):
                    for a, b in ((k, k), (k, k + 1), (k + 1, k), (k + 1, k + 1)):
                        d[(rts, a, b)] = dist_radial(Vs, inputs, outputs, [a], b, o, orient, rts)
                c = lambda a, b: d[('crs', a, b)]
                v = lambda a, b: d[('vrs', a, b)]
                t, t1 = k, k + 1
                tfp = math.sqrt(c(t, t1) / c(t, t) * c(t1, t1) / c(t1, t))
                ec = c(t1, t1) / c(t, t)
                pe = v(t1, t1) / v(t, t)
                rowsF.append({'id': i, 'from': pers[t], 'to': pers[t1], 'tfpch': tfp, 'effch': ec, 'techch': tfp / ec,
                              'pech': pe, 'sech': ec / pe})
                if None in (v(t, t1), v(t1, t)):
                    rowsB.append({'id': i, 'from': pers[t], 'to': pers[t1], 'tfpch': None,
                                  'effch': v(t1, t1) / v(t, t), 'techch': None})
                else:
                    tfpv = math.sqrt(v(t, t1) / v(t, t) * v(t1, t1) / v(t1, t))
                    ecv = v(t1, t1) / v(t, t)
                    rowsB.append({'id': i, 'from': pers[t], 'to': pers[t1], 'tfpch': tfpv, 'effch': ecv, 'techch': tfpv / ecv})
        out['cases'][f'{orient}_fgnz'] = rowsF
        out['cases'][f'{orient}_vrsDistances'] = rowsB
    return out


def ddf_dist(Vs, inputs, outputs, bads, a, b, o, direction, rts, measure='radial'):
    Xr = np.hstack([np.array([Vs[c][:, t] for c in inputs]) for t in a])
    Yr = np.hstack([np.array([Vs[c][:, t] for c in outputs]) for t in a])
    Br = np.hstack([np.array([Vs[c][:, t] for c in bads]) for t in a])
    xo = np.array([Vs[c][o, b] for c in inputs]); yo = np.array([Vs[c][o, b] for c in outputs])
    bo = np.array([Vs[c][o, b] for c in bads])
    m, s, h = len(inputs), len(outputs), len(bads)
    if direction == 'green':
        gx, gy, gb = np.zeros(m), yo, bo
        w = (np.zeros(m), np.full(s, 0.5 / s), np.full(h, 0.5 / h))
    else:
        gx, gy, gb = xo, yo, bo
        w = (np.full(m, 1 / (3 * m)), np.full(s, 1 / (3 * s)), np.full(h, 1 / (3 * h)))
    if measure == 'radial':
        st, beta = ddf(Xr, Yr, Br, xo, yo, bo, gx, gy, gb, rts)
    else:
        st, beta = nddf(Xr, Yr, Br, xo, yo, bo, gx, gy, gb, *w, rts)
    return beta if st == 'optimal' else None


def green_ref():
    name = 'gtfpch_example_ddf.csv'
    inputs, outputs, bads = ['labor', 'capital', 'energy'], ['gdp'], ['co2']
    ids, pers, Vs = panel(name, 'id', 't', inputs, outputs, bads)
    out = {'dataset': name, 'inputs': inputs, 'outputs': outputs, 'undesirable': bads, 'ids': ids, 'periods': pers,
           'ddf': {}, 'indices': {}}
    for direction in ('green', 'graph'):
        for rts in ('crs', 'vrs'):
            for measure in ('radial', 'nddf'):
                out['ddf'][f'{measure}_{direction}_{rts}'] = [[ddf_dist(Vs, inputs, outputs, bads, [t], t, o, direction, rts, measure)
                                                              for o in range(len(ids))] for t in range(len(pers))]
    for direction in ('green', 'graph'):
        for measure in ('radial', 'nddf'):
          for rts in ('crs', 'vrs'):
            for frontier in ('contemporaneous', 'sequential'):
              D = lambda a, b, o: ddf_dist(Vs, inputs, outputs, bads, a, b, o, direction, rts, measure)
              T1 = [1] if frontier == 'contemporaneous' else [0, 1]
              ml, gml, lu = [], [], []
              for o, i in enumerate(ids):
                d00, d01, d10, d11 = D([0], 0, o), D([0], 1, o), D(T1, 0, o), D(T1, 1, o)
                dg0, dg1 = D([0, 1], 0, o), D([0, 1], 1, o)
                base = {'id': i, 'from': pers[0], 'to': pers[1]}
                if None in (d00, d01, d10, d11):
                    ml.append({**base, 'tfpch': None}); lu.append({**base, 'ltfp': None})
                else:
                    M = math.sqrt((1 + d00) / (1 + d01) * (1 + d10) / (1 + d11)); ec = (1 + d00) / (1 + d11)
                    ml.append({**base, 'tfpch': M, 'effch': ec, 'techch': M / ec})
                    L = 0.5 * ((d10 - d11) + (d00 - d01)); lec = d00 - d11
                    lu.append({**base, 'ltfp': L, 'lec': lec, 'ltc': L - lec})
                if None in (dg0, dg1, d00, d11):
                    gml.append({**base, 'tfpch': None})
                else:
                    G = (1 + dg0) / (1 + dg1); ec = (1 + d00) / (1 + d11)
                    gml.append({**base, 'tfpch': G, 'effch': ec, 'techch': G / ec})
              out['indices'][f'{measure}_{direction}_{rts}_{frontier}'] = {'ml': ml, 'gml': gml, 'luenberger': lu}
    return out


if __name__ == '__main__' and 'unbalanced' not in __import__('sys').argv:
    dump('gtfpch_ddf_green.json', green_ref())
    import sys
    if 'green' in sys.argv: sys.exit(0)
    dump('usagri_malmquist.json', malmquist_ref('usagri.csv', 'DMU', 'Period',
                                                ['q.capital', 'q.land', 'q.labor', 'q.materials'],
                                                ['q.livestock', 'q.crop', 'q.other']))
    dump('rice_malmquist.json', malmquist_ref('rice_prod_phil.csv', 'FMERCODE', 'YEARDUM',
                                              ['AREA', 'LABOR', 'NPK', 'OTHER'], ['PROD']))


def malmquist_unbalanced_ref(drop):
    """usagri with some observations removed (methods.md F8): T^t = every unit observed in t; an index for
    (i, t→t+1) needs i observed in both periods, otherwise the row is null (insufficient_data). Pooled mean scaling
    over the observations present. Input orientation, CRS index, VRS split."""
    name, idc, perc = 'usagri.csv', 'DMU', 'Period'
    inputs, outputs = ['q.capital', 'q.land', 'q.labor', 'q.materials'], ['q.livestock', 'q.crop', 'q.other']
    head, rows = read_csv(name)
    rows = [r for r in rows if (r[0], int(r[1])) not in drop]
    ids = sorted({r[0] for r in rows}); pers = sorted({int(r[1]) for r in rows})
    obs = {(r[0], int(r[1])): r for r in rows}
    cols = inputs + outputs
    f = {c: np.mean([float(r[head.index(c)]) for r in rows]) for c in cols}
    val = lambda i, t, c: float(obs[(i, t)][head.index(c)]) / f[c]

    def dist(a, b, i, rts):
        ref = [j for j in ids if (j, a) in obs]
        X = np.array([[val(j, a, c) for j in ref] + [val(i, b, c)] for c in inputs])
        Y = np.array([[val(j, a, c) for j in ref] + [val(i, b, c)] for c in outputs])
        st, sc = radial(X, Y, len(ref), 'in', rts, list(range(len(ref))))
        return sc if st == 'optimal' else None
    out = []
    for k in range(len(pers) - 1):
        t, t1 = pers[k], pers[k + 1]
        for i in ids:
            base = {'id': i, 'from': t, 'to': t1}
            if (i, t) not in obs or (i, t1) not in obs:
                out.append({**base, 'tfpch': None, 'status': 'insufficient_data'}); continue
            c = {(a, b): dist(a, b, i, 'crs') for a in (t, t1) for b in (t, t1)}
            tfp = math.sqrt(c[(t, t1)] / c[(t, t)] * c[(t1, t1)] / c[(t1, t)]); ec = c[(t1, t1)] / c[(t, t)]
            pe = dist(t1, t1, i, 'vrs') / dist(t, t, i, 'vrs')
            out.append({**base, 'tfpch': tfp, 'effch': ec, 'techch': tfp / ec, 'pech': pe, 'sech': ec / pe})
    return {'dataset': name, 'inputs': inputs, 'outputs': outputs, 'dropped': [list(d) for d in sorted(drop)], 'rows': out}


if __name__ == '__main__':
    dump('usagri_unbalanced_malmquist.json', malmquist_unbalanced_ref({('AL', 1997), ('AR', 1995), ('CA', 2004), ('TX', 2000),
                                                                       ('WY', 1996), ('WY', 1997), ('WY', 1998), ('IA', 2004)}))
