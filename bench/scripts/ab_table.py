"""Prints the table of a bench/ab.sh run: per benchmark and parameters, each pass's score for the baseline
and the head, the mean of each side and head/base (for a time per operation, below 1 means the head is
faster)."""
import glob
import json
import os
import sys


def main(folder):
    cells = {}
    unit = {}
    for path in sorted(glob.glob(os.path.join(folder, '*-*.json'))):
        side, run = os.path.basename(path)[:-5].split('-')
        for r in json.load(open(path)):
            params = ','.join(f'{k}={v}' for k, v in sorted(r.get('params', {}).items()))
            key = (r['benchmark'].rsplit('.', 1)[-1], params)
            m = r['primaryMetric']
            unit[key] = m['scoreUnit']
            cells.setdefault(key, {}).setdefault(side, []).append((run, m['score'], m['scoreError']))
    print('| benchmark | params | unit | base (per pass) | head (per pass) | head / base |')
    print('|---|---|---|---|---|---|')
    for key in sorted(cells):
        sides = cells[key]
        if 'base' not in sides or 'head' not in sides:
            continue
        mean = {s: sum(v for _, v, _ in sides[s]) / len(sides[s]) for s in ('base', 'head')}
        show = {s: ', '.join(f'{v:.2f} ± {e:.2f}' for _, v, e in sorted(sides[s])) for s in ('base', 'head')}
        print(f'| {key[0]} | {key[1]} | {unit[key]} | {show["base"]} | {show["head"]} | '
              f'{mean["head"] / mean["base"]:.2f} |')


if __name__ == '__main__':
    main(sys.argv[1])
