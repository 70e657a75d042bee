"""Prints head/base per benchmark for two bench/run-benchmarks.sh output folders (bench/ab-suite.sh): the
scores of each jmh-*.json result present in both, keyed by file, benchmark, parameters and JMH thread
count. For a time per operation, below 1 means the head is faster; for a throughput, above 1."""
import glob
import json
import os
import sys


def load(folder):
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, 'jmh-*.json'))):
        name = os.path.basename(path)[4:-5]
        for r in json.load(open(path)):
            params = ','.join(f'{k}={v}' for k, v in sorted(r.get('params', {}).items()))
            m = r['primaryMetric']
            out[(name, r['benchmark'].rsplit('.', 1)[-1], params, r['threads'])] = (m['score'], m['scoreError'],
                                                                                    m['scoreUnit'])
    return out


def main(base_dir, head_dir):
    base, head = load(base_dir), load(head_dir)
    print('| run | benchmark | params | threads | unit | base | head | head / base |')
    print('|---|---|---|---|---|---|---|---|')
    for key in sorted(set(base) & set(head)):
        (b, be, unit), (h, he, _) = base[key], head[key]
        ratio = f'{h / b:.2f}' if b else 'n/a'
        print(f'| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {unit} | {b:.4g} ± {be:.2g} | {h:.4g} ± {he:.2g} | '
              f'{ratio} |')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
