#!/usr/bin/env python3
"""Re-run the forecaster candidates logged in docs/skill.md (Part 2).

Standard library only. Usage:

    parley bench deu DATA -m all --per-issue per_issue.csv
    parley bench deu DATA -m all --by-proposal --per-issue per_proposal.csv
    python3 candidates.py DATA per_issue.csv per_proposal.csv

DATA is a DEU directory (e.g. ../shared/data/deu3 beside the repository). Every parameter is
fitted on split == train; each line prints MAE on train and on dev. This
was the scratch exploration behind docs/skill.md; the shipped model's
figures come from `parley bench deu`, not from this script.
"""
import csv, math, random, statistics as st, sys, collections

D = sys.argv[1].rstrip('/') + '/'
iss = list(csv.DictReader(open(D + 'issues.csv')))
cap = {(r['regime'], r['actor']): float(r['weight']) for r in csv.DictReader(open(D + 'council_capability.csv'))}
acts = collections.defaultdict(list)
for r in csv.DictReader(open(D + 'actor_inputs.csv')):
    acts[r['issue_id']].append(r)
tr = [i for i in iss if i['split'] == 'train']
dv = [i for i in iss if i['split'] == 'dev']
Y = lambda i: float(i['outcome'])


def rows(i):
    out = []
    for a in acts[i['issue_id']]:
        s = float(a['salience']) if a['salience'] != '' else None
        out.append((a['actor'], cap[(i['council_regime'], a['actor'])], float(a['position']), s))
    return out


R = {i['issue_id']: rows(i) for i in iss}
W = lambda i: [t for t in R[i['issue_id']] if t[3] is not None]


def comp(i):
    r = W(i)
    return sum(c * s * x for a, c, x, s in r) / sum(c * s for a, c, x, s in r)


def mae(f, L):
    return sum(abs(f(i) - Y(i)) for i in L) / len(L)


def report(name, f):
    print('%-70s train %6.2f  dev %6.2f' % (name, mae(f, tr), mae(f, dv)))


def nelder_mead(f, x0, step=0.3, iters=1500):
    n = len(x0)
    pts = [list(x0)]
    for k in range(n):
        p = list(x0); p[k] += step * max(1, abs(p[k])); pts.append(p)
    vals = [f(p) for p in pts]
    for _ in range(iters):
        o = sorted(range(n + 1), key=lambda k: vals[k]); pts = [pts[k] for k in o]; vals = [vals[k] for k in o]
        c = [sum(p[j] for p in pts[:-1]) / n for j in range(n)]
        xr = [c[j] + (c[j] - pts[-1][j]) for j in range(n)]; fr = f(xr)
        if fr < vals[0]:
            xe = [c[j] + 2 * (c[j] - pts[-1][j]) for j in range(n)]; fe = f(xe)
            pts[-1], vals[-1] = (xe, fe) if fe < fr else (xr, fr)
        elif fr < vals[-2]:
            pts[-1], vals[-1] = xr, fr
        else:
            xc = [c[j] + 0.5 * (pts[-1][j] - c[j]) for j in range(n)]; fc = f(xc)
            if fc < vals[-1]:
                pts[-1], vals[-1] = xc, fc
            else:
                for k in range(1, n + 1):
                    pts[k] = [pts[0][j] + 0.5 * (pts[k][j] - pts[0][j]) for j in range(n)]; vals[k] = f(pts[k])
    k = min(range(n + 1), key=lambda k: vals[k])
    return pts[k]


report('compromise (the bar)', comp)


# 1-4: weighted-mean family
def fam(th, i):
    a, b, lc, le, lr, ext = th
    num = den = 0.0
    for ac, c, x, s in W(i):
        m = math.exp(lc) if ac == 'com' else math.exp(le) if ac == 'ep' else 1
        w = m * c ** a * (s / 100) ** b if s > 0 else 0
        num += w * x; den += w
    if i['reference_point'] != '':
        w = math.exp(lr) * den / max(1, len(R[i['issue_id']])); num += w * float(i['reference_point']); den += w
    return min(100, max(0, 50 + (num / den - 50) * ext))


x0 = [1, 1, 0, 0, -5, 1]
for name, free in [('1 six-parameter weighted mean', range(6)), ('2 extremisation only', [5]),
                   ('3 Commission/EP multipliers', [2, 3]), ('4 exponents + reference pseudo-actor', [0, 1, 4])]:
    def loss(z, free=free):
        t = list(x0)
        for k, v in zip(free, z): t[k] = v
        return mae(lambda i: fam(t, i), tr)
    z = nelder_mead(loss, [x0[k] for k in free])
    t = list(x0)
    for k, v in zip(free, z): t[k] = v
    report(name + ' ' + str([round(v, 2) for v in t]), lambda i, t=t: fam(t, i))


# 5: institutional weights by procedure (grid)
def inst(ep_cns, ep_cod, com_cns, com_cod):
    def f(i):
        cod = i['procedure'] == 'COD'; num = den = 0.0
        for a, c, x, s in W(i):
            m = (ep_cod if cod else ep_cns) if a == 'ep' else (com_cod if cod else com_cns) if a == 'com' else 1
            num += m * c * s * x; den += m * c * s
        return num / den if den > 0 else 50
    return f


G = [0, 0.5, 1, 2, 4]
best = min(((a, b, c, d) for a in G for b in G for c in G for d in G), key=lambda g: mae(inst(*g), tr))
report('5 EP/Commission multipliers by procedure %s' % (best,), inst(*best))


# 6: unanimity => equal Council capabilities
def unan(i):
    r = W(i)
    if i['council_vote_rule'] != 'Unan':
        return comp(i)
    ms = [c for a, c, x, s in r if a not in ('com', 'ep')]
    m = sum(ms) / len(ms) if ms else 1
    w = [(c if a in ('com', 'ep') else m) * s for a, c, x, s in r]
    return sum(wi * x for wi, (a, c, x, s) in zip(w, r)) / sum(w)


report('6 veto players: equal Council capability under unanimity', unan)


# 7: sharpening
def sharp(k):
    def f(i):
        xs = [x for a, c, x, s in W(i)]; lo, hi = min(xs), max(xs); C = comp(i)
        if hi == lo: return C
        u = (C - lo) / (hi - lo)
        if u <= 0 or u >= 1: return C
        return lo + (hi - lo) * u ** k / (u ** k + (1 - u) ** k)
    return f


k = min([0.5, 0.8, 1, 1.2, 1.5, 2, 3], key=lambda k: mae(sharp(k), tr))
report('7 S-curve sharpening, train-best k=%g' % k, sharp(k))


# 8: generalised compromise
def plosss(p):
    def f(i):
        r = W(i); xs = [x for a, c, x, s in r]; ws = [c * s for a, c, x, s in r]
        lo, hi = min(xs), max(xs)
        g = lambda x: sum(w * abs(x - xi) ** p for xi, w in zip(xs, ws))
        for _ in range(80):
            m1 = lo + (hi - lo) / 3; m2 = hi - (hi - lo) / 3
            if g(m1) < g(m2): hi = m2
            else: lo = m1
        return (lo + hi) / 2
    return f


p = min([1.2, 1.5, 1.8, 2, 2.5, 3], key=lambda p: mae(plosss(p), tr))
report('8 argmin sum w|x-xi|^p, train-best p=%g' % p, plosss(p))


# 9-14: LAD regressions
def wq(xs, ws, q):
    z = sorted(zip(xs, ws)); t = sum(ws); c = 0
    for x, w in z:
        c += w
        if c >= q * t - 1e-9: return x
    return z[-1][0]


def feats(i):
    r = R[i['issue_id']]; rs = W(i); C = comp(i)
    cou = [t for t in rs if t[0] not in ('com', 'ep')]
    cw = sum(c * s for a, c, x, s in cou)
    d = {a: x for a, c, x, s in r}
    xs = [x for a, c, x, s in rs]; ws = [c * s for a, c, x, s in rs]
    cx = [x for a, c, x, s in cou] or xs; cc = [c for a, c, x, s in cou] or [1] * len(xs)
    return dict(comp=C, ccomp=sum(c * s * x for a, c, x, s in cou) / cw if cw > 0 else C, com=d.get('com', C), ep=d.get('ep', C),
                um=st.mean(x for a, c, x, s in r), med=wq(xs, ws, .5), q26=wq(cx, cc, .26), q74=wq(cx, cc, .74), cmed=wq(cx, cc, .5),
                ref=float(i['reference_point']) if i['reference_point'] != '' else C, mn=min(xs), mx=max(xs), one=1.0)


F = {i['issue_id']: feats(i) for i in iss}


def solve(A, b):
    n = len(b); M = [row[:] + [b[k]] for k, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c])); M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12: M[c][c] = 1e-12
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1): M[r][k] -= f * M[c][k]
    return [M[k][n] / M[k][k] for k in range(n)]


def lad(names):
    X = [[F[i['issue_id']][n] for n in names] for i in tr]; y = [Y(i) for i in tr]
    p = len(names); w = [1.0] * len(y)
    for _ in range(200):
        A = [[sum(w[n] * X[n][a] * X[n][b] for n in range(len(y))) + (1e-6 if a == b else 0) for b in range(p)] for a in range(p)]
        beta = solve(A, [sum(w[n] * X[n][a] * y[n] for n in range(len(y))) for a in range(p)])
        w = [1 / max(1e-3, abs(y[n] - sum(beta[a] * X[n][a] for a in range(p)))) for n in range(len(y))]
    return lambda i: min(100, max(0, sum(b * F[i['issue_id']][n] for b, n in zip(beta, names))))


for n, names in [('9', ['comp', 'com', 'ep']), ('10', ['ccomp', 'com', 'ep']), ('11', ['comp', 'cmed', 'q26', 'q74']),
                 ('12', ['comp', 'ref']), ('13', ['one', 'comp', 'com', 'ep', 'mn', 'mx', 'med', 'cmed', 'um', 'ccomp']),
                 ('14', ['one', 'comp'])]:
    report('%s LAD on %s' % (n, '+'.join(names)), lad(names))


# 15-16: conditional logit over candidate outcomes
def cands(i):
    r = R[i['issue_id']]; rs = W(i); Wt = sum(c * s for a, c, x, s in rs)
    Wc = sum(c for a, c, x, s in rs if a not in ('com', 'ep')) or 1
    C = comp(i); d = {a: x for a, c, x, s in r}; cod = i['procedure'] == 'COD'
    ref = float(i['reference_point']) if i['reference_point'] != '' else None
    pos = sorted(set([x for a, c, x, s in r] + [C] + ([ref] if ref is not None else [])))
    lo, hi = min(x for a, c, x, s in r), max(x for a, c, x, s in r)
    return [(p, [math.log(sum(c * s for a, c, x, s in rs if x == p) / Wt + 0.01), float(d.get('com') == p), float(d.get('ep') == p) * cod,
                 float(ref == p), float(p == C), abs(p - C) / 100, float(p in (lo, hi)),
                 sum(c for a, c, x, s in rs if x == p and a not in ('com', 'ep')) / Wc]) for p in pos]


CA = {i['issue_id']: cands(i) for i in iss}
H = 12.0


def probs(th, i):
    u = [sum(a * b for a, b in zip(th, f)) for p, f in CA[i['issue_id']]]
    m = max(u); e = [math.exp(v - m) for v in u]; s = sum(e)
    return [(p, v / s) for (p, f), v in zip(CA[i['issue_id']], e)]


nll = lambda th: -sum(math.log(sum(q * math.exp(-0.5 * ((Y(i) - p) / H) ** 2) for p, q in probs(th, i)) + 1e-12) for i in tr)
th = nelder_mead(nll, [1, 0, 0, 0, 0, 0, 0, 0], iters=3000)
Phi = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))


def pmedian(pq):
    for g in range(201):
        if sum(q * Phi((g / 2 - p) / H) for p, q in pq) >= 0.5: return g / 2
    return 100


report('15 conditional logit, predictive median', lambda i: pmedian(probs(th, i)))
report('16 conditional logit, predictive mean', lambda i: sum(p * q for p, q in probs(th, i)))


# 17-22: model combinations, from parley's per-issue forecasts
def load(fn):
    out = collections.defaultdict(dict)
    for r in csv.DictReader(open(fn)):
        if r['forecast'] != '':
            out[r['model']][r['issue']] = float(r['forecast'])
    return out


M = load(sys.argv[2])
if len(sys.argv) > 3:
    P = load(sys.argv[3])
    M['exchange_p'] = P['exchange']; M['smp_p'] = P['smp']
    report('17 exchange on whole proposals', lambda i: M['exchange_p'][i['issue_id']])
    report('18 smp on whole proposals', lambda i: M['smp_p'][i['issue_id']])


def fit2(a, b):
    pts = sorted(((Y(i) - M[a][i['issue_id']]) / (M[b][i['issue_id']] - M[a][i['issue_id']]), abs(M[b][i['issue_id']] - M[a][i['issue_id']]))
                 for i in tr if M[b][i['issue_id']] != M[a][i['issue_id']])
    t = sum(w for _, w in pts); c = 0
    for r, w in pts:
        c += w
        if c >= t / 2: return min(1, max(0, r))
    return 0


names = sorted(m for m in M if m != 'ensemble')
sm = lambda z: [math.exp(v - max(z)) / sum(math.exp(u - max(z)) for u in z) for v in z]
z = nelder_mead(lambda z: mae(lambda i: sum(w * M[m][i['issue_id']] for w, m in zip(sm(z), names)), tr), [0] * len(names), iters=2000)
report('19 convex LAD ensemble of %s' % ','.join('%s %.2f' % (m, w) for m, w in zip(names, sm(z))),
       lambda i: sum(w * M[m][i['issue_id']] for w, m in zip(sm(z), names)))
for b in [m for m in names if m != 'compromise']:
    w = fit2('compromise', b)
    report('20-22 compromise + %s, w=%.4f' % (b, w), lambda i, w=w, b=b: (1 - w) * M['compromise'][i['issue_id']] + w * M[b][i['issue_id']])
