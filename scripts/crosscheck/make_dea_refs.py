# Reference values for the DEA cross-check (helper J). Run: python3 scripts/crosscheck/make_dea_refs.py
# Conventions (methods.md E0–E6): mean scaling; radial efficiency θ* (in) and φ* (out, efficiency = 1/φ*);
# phase II max Σs⁻+Σs⁺ with θ*/φ* fixed, objective in scaled units ("scaled") and in original units ("raw");
# AP super-efficiency: reference set without o, infeasible → null; SBM Tone 2001 Charnes–Cooper LP, oriented forms
# as deaR; SBM with bads Tone 2004 (bads ≤, weight 1/(s+h)); super-SBM Tone 2002 non-oriented δ*, composite ρ·δ.
import numpy as np
from lpref import read_csv, radial, phase2, sbm, super_sbm, dump


def load(name, inputs, outputs, bads=()):
    head, rows = read_csv(name)
    ids = [r[0] for r in rows]
    col = lambda c: np.array([float(r[head.index(c)]) for r in rows])
    X = np.array([col(c) for c in inputs]); Y = np.array([col(c) for c in outputs])
    B = np.array([col(c) for c in bads]) if bads else None
    return ids, X, Y, B


def scale(M):
    f = M.mean(axis=1)
    return M / f[:, None], f


def radial_ref(name, inputs, outputs):
    ids, X0, Y0, _ = load(name, inputs, outputs)
    X, fx = scale(X0); Y, fy = scale(Y0)
    n = len(ids)
    out = {'dataset': name, 'inputs': inputs, 'outputs': outputs, 'ids': ids, 'cases': {}}
    for orient in ('in', 'out'):
        for rts in ('crs', 'vrs'):
            eff, sl_scaled, sl_raw, sup = [], [], [], []
            for o in range(n):
                st, sc = radial(X, Y, o, orient, rts, list(range(n)))
                assert st == 'optimal'
                eff.append(sc if orient == 'in' else 1.0 / sc)
                tot, _, _ = phase2(X, Y, o, orient, rts, sc, np.ones(len(inputs)), np.ones(len(outputs)))
                sl_scaled.append(tot)
                tot_raw, _, _ = phase2(X, Y, o, orient, rts, sc, fx, fy)  # Σ s in original units
                sl_raw.append(tot_raw)
                st, sc2 = radial(X, Y, o, orient, rts, [j for j in range(n) if j != o])
                sup.append(None if st != 'optimal' else (sc2 if orient == 'in' else 1.0 / sc2))
                if st != 'optimal':
                    sup[-1] = {'status': st}
            out['cases'][f'{orient}_{rts}'] = {'efficiency': eff, 'slackSumScaled': sl_scaled,
                                                'slackSumRaw': sl_raw, 'superAP': sup}
    return out


def sbm_ref(name, inputs, outputs, bads=()):
    ids, X0, Y0, B0 = load(name, inputs, outputs, bads)
    # Zero outputs (Tone 2001 case 2, as deaR): y_r = 0 → (min positive y_r)/100 for every DMU before the LPs
    for r in range(Y0.shape[0]):
        if (Y0[r] == 0).any():
            Y0[r, Y0[r] == 0] = Y0[r, Y0[r] > 0].min() / 100
    X, _ = scale(X0); Y, _ = scale(Y0); B = scale(B0)[0] if bads else None
    n = len(ids)
    out = {'dataset': name, 'inputs': inputs, 'outputs': outputs, 'undesirable': list(bads), 'ids': ids, 'cases': {}}
    orients = ('non',) if bads else ('non', 'in', 'out')
    for orient in orients:
        for rts in ('crs', 'vrs'):
            rho = []
            for o in range(n):
                st, r = sbm(X, Y, o, orient, rts, B)
                rho.append(r if st == 'optimal' else {'status': st})
            case = {'rho': rho}
            if not bads:
                delta = []
                for o in range(n):
                    st, d = super_sbm(X, Y, o, rts, orient)
                    delta.append(d if st == 'optimal' else {'status': st})
                case['superDelta'] = delta
                case['superComposite'] = [r * d if isinstance(d, float) else None for r, d in zip(rho, delta)]
            out['cases'][f'{orient}_{rts}'] = case
    return out


if __name__ == '__main__':
    dump('charnes1981_radial.json', radial_ref('charnes1981.csv', ['x1', 'x2', 'x3', 'x4', 'x5'], ['y1', 'y2', 'y3']))
    dump('airlines_radial.json', radial_ref('airlines.csv', ['Lab', 'Fuel', 'Matl', 'Cap'], ['Pass', 'Cargo']))
    dump('doyle_green_radial.json', radial_ref('doyle_green_1994.csv', ['Salaries', 'Other_expenses'],
                                               ['Undergraduates', 'Postgraduates', 'Research_income', 'Publications']))
    dump('airlines_sbm.json', sbm_ref('airlines.csv', ['Lab', 'Fuel', 'Matl', 'Cap'], ['Pass', 'Cargo']))
    dump('hua_bian_sbm.json', sbm_ref('hua_bian_2007.csv', ['D-Input1', 'D-Input2'], ['D-Output1', 'D-Output2'],
                                      ['UD-Output1']))
    dump('doyle_green_sbm.json', sbm_ref('doyle_green_1994.csv', ['Salaries', 'Other_expenses'],
                                         ['Undergraduates', 'Postgraduates', 'Research_income', 'Publications']))


def translated_ref():
    """deaR model_basic(orientation 'oo', rts 'vrs', vtrans_o = 1500) on Hua_Bian_2007 (Seiford & Zhu 2002):
    b' = 1500 − b is used as an ordinary output; also the default 'max + 1' translation. BCC output orientation is
    not translation invariant in outputs, so the two differ."""
    ids, X0, Y0, B0 = load('hua_bian_2007.csv', ['D-Input1', 'D-Input2'], ['D-Output1', 'D-Output2'], ['UD-Output1'])
    out = {'dataset': 'hua_bian_2007.csv', 'ids': ids, 'maxBad': float(B0.max()), 'cases': {}}
    for label, w in (('vtrans1500', 1500.0), ('maxPlus1', float(B0.max()) + 1.0)):
        Yt = np.vstack([Y0, w - B0])
        X, _ = scale(X0); Y, _ = scale(Yt)
        phi = []
        for o in range(len(ids)):
            st, p = radial(X, Y, o, 'out', 'vrs', list(range(len(ids))))
            phi.append(p)
        out['cases'][label] = {'translation': w, 'phi': phi}
    return out


if __name__ == '__main__':
    dump('hua_bian_translated.json', translated_ref())
