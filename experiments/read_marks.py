"""Dots, commas and dashes written between digits (an amount, a ZIP+4 code): `read_digits` with `find_marks` (`07_unseen`).

Each image is `fake_strip` of MNIST test digits with marks drawn like MNIST's strokes (`_mark`), read with the shipped
CNN and its rejection threshold. A row is "read right" when its whole text is (digits and marks); its "marks right"
when the marks are where they are written and nothing else is taken for one (the digits themselves not compared).
Cases: one '.', ',' or '-' after the third of five digits; '.' and ',' in a row of six ("1.234,56"); on blank paper
and over a printed line (a cheque's). Then rows of five digits without marks, on blank paper, overlapping, and in the
printed lines and boxes of `experiments/read_rules.py` (some off level): how many gain a mark that is not there.

Usage: python experiments/read_marks.py [--start 400 6000] [--json experiments/read_marks.json]
The settings of `find_marks` were chosen looking at rows from --start 400 (and at rows without marks, test digits 0-199,
which `experiments/read_rules.py` reads); --start 6000 was read once, afterwards.
"""
import argparse, json, re
import numpy as np
from digitrec.inference import read_digits, fake_strip
from digitrec.data import mnist_tensors

CASES = {'.': [0, 1, 2, '.', 3, 4], ',': [0, 1, 2, ',', 3, 4], '-': [0, 1, 2, '-', 3, 4], '.,': [0, '.', 1, 2, 3, ',', 4, 5]}

def shape(text:str) -> str: return re.sub(r'[0-9?]', 'd', text)

PLAIN = [(None, 8, 0), (None, -8, 0), ('line', 8, 0), ('touching', 8, 0), ('boxes', 8, 0), ('cells', 8, 0),
         ('boxes', 8, 3), ('cells', 8, 2), ('cells', 8, -4.5), ('line', 8, 4.5)]

def false_marks(X, start, rules, gap, angle, n=40) -> int:
    "Rows of five digits without marks read with a mark in their text."
    return sum(bool(set(read_digits(fake_strip([X[start + 5 * i + c] for c in range(5)], gap=gap, seed=i, rules=rules, angle=angle)).text) & set('.,-'))
               for i in range(n))

def read_case(X, Y, start, layout, rules, n=40):
    right = marks = 0
    k = sum(isinstance(c, int) for c in layout)
    for i in range(n):
        j = start + k * i
        row = [c if isinstance(c, str) else X[j + c] for c in layout]
        truth = ''.join(c if isinstance(c, str) else str(Y[j + c]) for c in layout)
        text = read_digits(fake_strip(row, seed=i, rules=rules)).text
        right += text == truth; marks += shape(text) == shape(truth)
    return right, marks

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--start', type=int, nargs='+', default=[400, 6000]); p.add_argument('--json', default='experiments/read_marks.json')
    a = p.parse_args()
    t = mnist_tensors(); X, Y = t.x_test[:, 0].numpy(), t.y_test.numpy()
    out = []
    print('| test digits from | marks | printed | read right | marks right |\n|---:|---|---|---:|---:|')
    for start in a.start:
        for name, layout in CASES.items():
            for rules in (None, 'line'):
                right, marks = read_case(X, Y, start, layout, rules)
                out.append(dict(start=start, marks=name, rules=rules, of=40, right=right, marks_right=marks))
                print(f"| {start} | {' and '.join(name)} | {rules or 'nothing'} | {right} / 40 | {marks} / 40 |", flush=True)
    print('\n| test digits from | printed | gap | rotated | rows without marks read with one |\n|---:|---|---:|---:|---:|')
    for start in a.start:
        for rules, gap, angle in PLAIN:
            n = false_marks(X, start, rules, gap, angle)
            out.append(dict(start=start, marks='', rules=rules, gap=gap, angle=angle, of=40, false_marks=n))
            print(f"| {start} | {rules or 'nothing'} | {gap} | {angle}° | {n} / 40 |", flush=True)
    with open(a.json, 'w') as f: json.dump(out, f, indent=1)
