"""Rows of digits over printed lines and in printed boxes: `read_digits` with and without `remove_rules` (`07_unseen`).

Each image is `fake_strip` of MNIST test digits (a JPEG of dark ink on noisy paper), read with the shipped CNN and its
rejection threshold; a row counts when its whole text is right. Cases: no printed ink, digits apart or overlapping
(gap -8), two rows; a line under the row, one the digits sit on ('touching'), a box per digit (a comb field), a box per
digit apart from the others ('cells'); some rotated by 1.5°, 3°, −2°, 4.5° or −4.5°.

Usage: python experiments/read_rules.py [--start 0 5000] [--json experiments/read_rules.json]
The rule's settings were chosen looking at rows from --start 0 (test digits 0-399); --start 5000 was read afterwards.
"""
import argparse, json
import numpy as np
from digitrec.inference import read_digits, fake_strip
from digitrec.data import mnist_tensors

CASES = [(None, 8, False, 0), (None, -8, False, 0), (None, 8, True, 0), (None, 8, False, 1.5), ('line', 8, False, 0),
         ('touching', 8, False, 0), ('boxes', 8, False, 0), ('line', 8, True, 0), ('boxes', 8, True, 0),
         ('line', 8, False, 1.5), ('boxes', 8, False, 1.5), ('boxes', -8, False, 0),
         ('cells', 8, False, 0), ('cells', 8, False, 1.5),
         ('line', 8, False, 3), ('boxes', 8, False, 3), ('cells', 8, False, 3), ('boxes', 8, False, -2), ('cells', 8, False, -2),
         ('line', 8, False, 4.5), ('boxes', 8, False, 4.5), ('cells', 8, False, -4.5)]

def rows_right(X, Y, start, rules, gap, two, angle, remove, n=40) -> int:
    ok = 0
    for i in range(n):
        j = start + 10 * i
        rows = [range(j, j + 5), range(j + 5, j + 10)] if two else [range(j, j + 5)]
        truth = '\n'.join(''.join(str(Y[k]) for k in r) for r in rows)
        digits = [[X[k] for k in r] for r in rows] if two else [X[k] for k in rows[0]]
        ok += read_digits(fake_strip(digits, gap=gap, seed=i, rules=rules, angle=angle), rules=remove).text == truth
    return ok

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--start', type=int, nargs='+', default=[0, 5000]); p.add_argument('--json', default='experiments/read_rules.json')
    a = p.parse_args()
    t = mnist_tensors(); X, Y = t.x_test[:, 0].numpy(), t.y_test.numpy()
    out = []
    print('| test digits from | printed | gap | rows | rotated | read right, lines kept | read right, removed |\n|---:|---|---:|---|---:|---:|---:|')
    for start in a.start:
        for rules, gap, two, angle in CASES:
            kept, removed = (rows_right(X, Y, start, rules, gap, two, angle, r) for r in (False, True))
            out.append(dict(start=start, rules=rules, gap=gap, rows=2 if two else 1, angle=angle, of=40, kept=kept, removed=removed))
            print(f"| {start} | {rules or 'nothing'} | {gap} | {'2 × 5' if two else '5'} | {angle}° | {kept} / 40 | {removed} / 40 |", flush=True)
    with open(a.json, 'w') as f: json.dump(out, f, indent=1)
