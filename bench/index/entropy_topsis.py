"""Benchmark kernel (numpy side): the same pooled entropy + TOPSIS as entropy-topsis.ts, written the way the
fixture scripts write it (shared/fixtures/index/scripts/common.py). Reads the float64 data file (column after
column) written by run.mjs. Prints JSON: seconds (3 runs), peak memory (tracemalloc and VmHWM)."""
import json, math, re, sys, time, tracemalloc
import numpy as np

file, N, M, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def hwm():  # peak resident memory of this process image (VmHWM; ru_maxrss would carry the parent's peak)
    return int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read()).group(1)) * 1024
base_rss = hwm()
X = np.fromfile(file, dtype=np.float64, count=N * M).reshape(M, N).T   # N x M view (Fortran order), no copy
data_rss = hwm()
pos = np.array([j % 6 != 5 for j in range(M)])

def run():
    mn = X.min(axis=0); mx = X.max(axis=0); rg = mx - mn
    Xn = np.where(pos, (X - mn) / rg, (mx - X) / rg)
    Z = Xn + 1e-4
    P = Z / Z.sum(axis=0)
    e = -(P * np.log(P)).sum(axis=0) / math.log(N)
    d = 1 - e; w = d / d.sum()
    V = Xn * w
    vp = V.max(axis=0); vm = V.min(axis=0)
    dp = np.sqrt(((V - vp) ** 2).sum(axis=1)); dm = np.sqrt(((V - vm) ** 2).sum(axis=1))
    return w, dm / (dp + dm)

tracemalloc.start()
runs = []
for _ in range(3):
    t0 = time.perf_counter(); w, C = run(); runs.append(time.perf_counter() - t0)
_, traced_peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
peak_rss = hwm()
json.dump({"side": "numpy", "numpy": np.__version__, "N": N, "M": M, "seconds": runs, "best": min(runs),
           "dataBytes": N * M * 8, "baseRss": base_rss, "dataRss": data_rss, "peakRss": peak_rss,
           "peakOverData": peak_rss / (N * M * 8), "computeExtraBytes": peak_rss - data_rss, "tracemallocPeakBytes": traced_peak,
           "weights": w.tolist(), "closenessSum": float(C.sum()), "closenessHead": C[:5].tolist()}, open(out, "w"))
