"""The statistics the README quotes for the seed comparison: each digitrec variant against the study-style runs, paired by seed.

    python experiments/seed_stats.py [--model lenet5]

Reads `study_vs_digitrec.json` (the default path), the variants' files (`_fp32`, `_translate_last`, `_study_exact`) and
`study_threads.json` (the study-style run itself on 1 thread instead of 2: what rounding alone does to one run);
for each column prints the seeds, both means, the mean paired difference in points with its 95 % confidence interval
(Student's t), the standard deviation and median of the differences, how many seeds end lower and higher, and the
Wilcoxon signed-rank test's p; then each variant against the default path on the seeds both have.
"""
import argparse, json
from pathlib import Path
import numpy as np
from scipy import stats

HERE = Path(__file__).parent
FILES = {'digitrec': 'study_vs_digitrec.json', 'digitrec_fp32': 'study_vs_digitrec_fp32.json',
         'digitrec_translate_last': 'study_vs_digitrec_translate_last.json', 'digitrec_study_exact': 'study_vs_digitrec_study_exact.json',
         'study_style_1thread': 'study_threads.json'}

def spans(seeds:list) -> str:
    "[42, 70, 71, 72] → '42, 70-72'."
    runs = []
    for k in seeds:
        if runs and k == runs[-1][1] + 1: runs[-1][1] = k
        else: runs.append([k, k])
    return ', '.join(f"{a}-{b}" if b > a else f"{a}" for a, b in runs)

def paired(a:dict, b:dict, what:str):
    "Print the paired comparison of accuracies `a` against `b` (dicts seed → accuracy) on the seeds both have."
    s = sorted(set(a) & set(b))
    x, y = np.array([a[k] for k in s]) * 100, np.array([b[k] for k in s]) * 100
    d = x - y
    ci = stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d)) if len(d) > 1 else (np.nan, np.nan)
    p = stats.wilcoxon(d).pvalue if len(d) > 1 and d.any() else np.nan
    print(f"{what}: {len(s)} seeds ({spans(s)}), {x.mean():.2f} % against {y.mean():.2f} %: {d.mean():+.2f} points"
          f" (95 % CI {ci[0]:+.2f} to {ci[1]:+.2f}; sd {d.std(ddof=1):.2f}; median {np.median(d):+.2f}),"
          f" lower in {(d < 0).sum()}, higher in {(d > 0).sum()}, equal in {(d == 0).sum()}; Wilcoxon p = {p:.2f}")

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0]); ap.add_argument('--model', default='lenet5')
    a = ap.parse_args()
    cols, study = {}, {}
    for key, f in FILES.items():
        if not (HERE/f).exists(): continue
        for r in json.loads((HERE/f).read_text()):
            if r['model'] != a.model: continue
            study.setdefault(r['seed'], r['study_style'])
            if key in r: cols.setdefault(key, {})[r['seed']] = r[key]
    for key, v in cols.items(): paired(v, study, f"{key} vs study-style")
    for key, v in cols.items():   # digitrec's variants (not the study-style rerun) against its default path
        if key.startswith('digitrec_'): paired(v, cols['digitrec'], f"{key} vs digitrec")

if __name__ == '__main__': main()
