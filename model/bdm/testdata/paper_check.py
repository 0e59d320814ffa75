# Clean-room check of spec bdm.md §3, paper profile (E9, P2, C-paper, E16 on), Q = T = 1.
# Usage: python3 paper_check.py greece_eu_2015.csv 1   (prints r, each move and x̄ per round)
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
names = [r['Actor'] for r in rows]
c = [float(r['Capability']) for r in rows]
x = [float(r['Position']) for r in rows]
s = [float(r['Salience']) for r in rows]
if max(s) > 1: s = [v/100 for v in s]
n = len(x); w = [c[i]*s[i] for i in range(n)]
D = max(x) - min(x)
def P(x, i, j):
    if x[i] == x[j]: return 0.0
    v = [w[k]*(abs(x[k]-x[j]) - abs(x[k]-x[i]))/D for k in range(n)]
    return sum(t for t in v if t > 0) / sum(abs(t) for t in v)
def E(x, i, j, r):   # E^p(U_ij) with r = r_p, Q = 1
    d = abs(x[i]-x[j])/D
    us = 2 - 4*(0.5-0.5*d)**r; uf = 2 - 4*(0.5+0.5*d)**r; usq = 2 - 4*0.5**r
    p = P(x, i, j)
    return s[j]*(p*us + (1-p)*uf) + (1-s[j])*us - usq
def rnd(x, verbose):
    S = [sum(E(x, j, i, 1) for j in range(n) if j != i) for i in range(n)]
    hi, lo = max(S), min(S)
    R = [0 if hi == lo else (2*v - hi - lo)/(hi - lo) for v in S]
    r = [(1 - q/3)/(1 + q/3) for q in R]
    new = list(x); moves = []
    for i in range(n):
        best = None
        for j in range(n):
            if j == i or x[j] == x[i]: continue
            a = E(x, i, j, r[i]); b = E(x, j, i, r[j])
            if b > a > 0: k, to = 0, x[j]
            elif b > 0 > a and b > abs(a): k, to = 1, x[i] + (x[j]-x[i])*abs(a/b)
            elif b > 0 > a and b < abs(a): k, to = 2, x[j]
            else: continue
            key = (abs(to - x[i]), k, j)
            if best is None or key < best[0]: best = (key, k, j, a, b, to)
        if best:
            new[i] = best[5]; moves.append((names[i], ['conflict','compromise','capitulate'][best[1]], names[best[2]], best[3], best[4], x[i], best[5]))
    if verbose:
        print('r =', r)
        for m in moves: print(m)
    return new
for t in range(1, int(sys.argv[2])+1):
    x = rnd(x, True)
    print('round', t, 'mean', sum(w[i]*x[i] for i in range(n))/sum(w))
