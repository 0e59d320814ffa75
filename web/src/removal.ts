// What removing an item of the scenario takes with it. An actor, an
// issue, a source or a proposal is named elsewhere in the file, and a
// snapshot or a variant adds actors and proposals named elsewhere; left
// behind, those names are errors the save is refused for, and some sit
// far from the item (an issue's decision rule, the outcomes), so the
// person might not find them. The builder's rule: removing an item
// removes what names it too, after saying what that is and asking
// (removal lists it; builder.ts asks), and removes it at once when
// nothing does. What names an item:
//
//   - an actor: its stances and the changes to them, the changes to it,
//     its leaving, its place among a proposal's proposers (by id or
//     alias, in the scopes that see it: an actor a variant adds is named
//     in that variant alone), and its votes in the decision rules;
//   - an issue: its stances and the changes to them, the red lines on it
//     with their reasons and quotes, its value in every package, and the
//     outcomes recorded for it;
//   - a source: the quotes that cite it (by id or by file);
//   - a proposal: the changes to it and its withdrawals, in the scopes
//     that see it (a change's entry that changes a proposal already on
//     the table is named by nothing);
//   - a snapshot or variant: what names the actors and proposals it adds,
//     outside it.
//
// An id two items have (given the second by mistake) names the first, as
// the server reads it: removing the first takes what names it, as any
// item's removal does, and removing the later one takes nothing else (a
// later proposal of a snapshot's list with the id of one before it is no
// change of that one, and stays).
//
// Some removals would change what remains rather than take a name out of
// it: the person must decide that change, so they are refused, with the
// reason and the fields to change (fields, which the page puts the focus
// on): an actor whose votes a qmv rule's quota needs (the quota stays as
// written, as the format keeps it when a voter is absent, and the other
// voters could no longer reach it: lower the quota, or choose another
// rule), an actor that is the only voter a rule lists (a rule listing no
// voters counts every actor: tick other voters, or choose another rule),
// a source whose quotes are all an outcome has (an outcome needs one:
// give it a quote from another source). A
// qmv voter whose votes the quota does not need is removed with its
// weight, and the question says the quota stays and what the total drops
// to. A proposal whose package an issue's removal leaves empty is kept,
// said in the question: the save then refuses it until it has a value
// for another issue, which the builder edits.
import type { Scenario, Actor, Changes, Proposal, Evidence, Issue, Source, Decision } from './api'
import { parsePath, getPath } from './paths'
import { scopeOf, reach, proposalsIn, allActors, changesOf, actorEntries, actorsIn } from './scopes'
import { issueName } from './diagnostics'
import { possessive } from './util'

// Removal is what removing an item involves: also lists what goes with
// it, in words (empty when nothing names it); refused says why it cannot
// be removed yet, in sentences (empty when it can), and fields are the
// paths of the fields to change first, in the same order; apply removes
// the item and what goes with it.
export interface Removal { also: string[]; refused: string[]; fields: string[]; apply: () => void }

// MaxWeight is the largest weight a voter may have (scenario.MaxWeight).
const MaxWeight = 1e12

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`
const quoted = (s: string) => `“${s}”`

// company are the actors at the table with the actor defined at path
// (its id's field, or its entry's), itself among them: in every scope
// that sees it (reach), the actors there (actorsIn). A name another of
// them has names that one as much, wherever the actor is named.
export function company(doc: Scenario, path: string): Set<Actor> {
  const sees = reach(doc, path)
  const out = new Set<Actor>()
  for (const scope of ['', ...changesOf(doc).map(([, sc]) => sc)]) if (sees(scope)) for (const a of actorsIn(doc, scope)) out.add(a)
  return out
}

// owns says whether the actor a (defined at path) is the first at the
// table with its id in every scope that sees it, the one the id names
// (validate.go: an actor added with the id of one already at the table
// "already exists"), and not a later one given the id by mistake.
export function owns(doc: Scenario, a: Actor, path: string): boolean {
  const sees = reach(doc, path)
  for (const scope of ['', ...changesOf(doc).map(([, sc]) => sc)]) {
    if (!sees(scope)) continue
    const l = actorsIn(doc, scope), i = l.indexOf(a)
    if (i > 0 && l.slice(0, i).some((o) => o.id === a.id)) return false
  }
  return true
}

// votes is the total a qmv rule's quota is checked against, as the server
// counts it (scenario/decision.go): the weights of the actors the
// scenario has (but those without), each actor's once, the first of its names
// in sorted order; weights outside their range count for nothing.
export function votes(doc: Scenario, weights: { [name: string]: number }, without: Actor[] = []): number {
  const known = new Map<string, string>()
  for (const a of allActors(doc)) {
    if (without.includes(a)) continue
    for (const n of [a.id, ...(a.aliases ?? [])]) known.set(n, a.id)
  }
  const seen = new Set<string>()
  let total = 0
  for (const k of Object.keys(weights).sort()) {
    const a = known.get(k), w = weights[k]
    if (a === undefined || seen.has(a)) continue
    seen.add(a)
    if (typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MaxWeight) total += w
  }
  return total
}

// without is list less the items gone, or undefined when that leaves it
// empty and empty means absent (drop).
function without<T>(list: T[] | undefined, gone: (x: T) => boolean, drop = false): T[] | undefined {
  const out = (list ?? []).filter((x) => !gone(x))
  return drop && out.length === 0 ? undefined : out
}

// deleteKey deletes key from the mapping at o[field], and the mapping
// when that leaves it empty.
function deleteKey(o: any, field: string, key: string) {
  if (!o?.[field] || !(key in o[field])) return
  delete o[field][key]
  if (Object.keys(o[field]).length === 0) delete o[field]
}

// A Plan gathers what a removal involves while the references are found.
class Plan {
  also: string[] = []
  refused: string[] = []
  fields: string[] = []
  edits: (() => void)[] = []
  // prefix names the item a change adds when the change is removed.
  prefix = ''
  // naming says what names the item alone, not what its removal would
  // change besides (naming).
  constructor(readonly doc: Scenario, readonly naming = false) {}

  say(line: string) { this.also.push(this.prefix + line) }

  // refuse says why the removal cannot be done yet, and the field to
  // change first (its path).
  refuse(why: string, field: string) { this.refused.push(why); this.fields.push(field) }

  // actor finds what names the actor a (at path); skip is a change being
  // removed with it, whose own references go with it anyway.
  actor(a: Actor, path: string, skip?: Changes) {
    const doc = this.doc
    // An id given twice by mistake is the first's, as the server reads
    // it (validate.go: the later one "already exists"): an actor with the
    // id of one before it at the table (owns) leaves what the id names
    // with that one; the first takes it all, the later ones' included,
    // which have none of their own. An alias another has too names that
    // one as much, and stays. Its id, another's alias, is its own (an id
    // names before an alias does: resolves).
    const there = [...company(doc, path)].filter((x) => x !== a)
    const first = owns(doc, a, path)
    const names = new Set([a.id, ...(a.aliases ?? [])].filter((x) => x && (x === a.id ? first : !there.some((o) => o.id === x || o.aliases?.includes(x)))))
    if (!names.size) return
    const mine = (x: string | undefined) => x !== undefined && names.has(x)
    const sees = reach(doc, path)
    const changes = changesOf(doc).filter(([c, scope]) => c !== skip && sees(scope)).map(([c]) => c)
    const base = sees('')
    const stances = base ? doc.stances.filter((x) => mine(x.actor)).length : 0
    const changed = changes.reduce((n, c) => n + (c.stances ?? []).filter((x) => mine(x.actor)).length, 0)
    const entries = changes.reduce((n, c) => n + (c.actors ?? []).filter((x) => mine(x.id)).length, 0)
    const leaves = changes.filter((c) => c.remove_actors?.some(mine)).length
    const proposals = [...(base ? doc.proposals ?? [] : []), ...changes.flatMap((c) => c.proposals ?? [])]
    const proposed = proposals.filter((p) => p.proposers?.some(mine))
    if (stances) this.say(plural(stances, 'stance'))
    if (changed) this.say(`${plural(changed, 'change')} to its stances in snapshots or variants`)
    if (entries) this.say(`${plural(entries, 'change')} to it in snapshots or variants`)
    if (leaves) this.say(`its leaving, in ${plural(leaves, 'snapshot or variant', 'snapshots or variants')}`)
    if (proposed.length) this.say(`its place among the proposers of ${plural(proposed.length, 'proposal')}`)
    this.edits.push(() => {
      if (base) doc.stances = doc.stances.filter((x) => !mine(x.actor))
      for (const c of changes) {
        if (c.stances) c.stances = without(c.stances, (x) => mine(x.actor))
        if (c.actors) c.actors = without(c.actors, (x) => mine(x.id))
        if (c.remove_actors) c.remove_actors = without(c.remove_actors, mine, true)
      }
      for (const p of proposed) p.proposers = without(p.proposers, mine, true)
    })
    // A rule is not a scope's (renameVoter in builder.ts): a name another
    // actor answers to too (one a second variant adds under the same id)
    // names that one still, and stays.
    // Nor is a later actor at the table with a that has its id by
    // mistake another: the name is a's, and goes with it.
    const dups = there.filter((o) => o.id === a.id)
    const others = allActors(doc).filter((x) => x !== a && !dups.includes(x))
    const own = [...names].filter((n) => !others.some((o) => o.id === n || o.aliases?.includes(n)))
    for (const is of doc.issues) if (is.decision) this.voter(a, own, is, is.decision)
  }

  // voter finds the actor a's place in an issue's decision rule d, where
  // it is named by one of own.
  voter(a: Actor, own: string[], is: Issue, d: Decision) {
    const name = a.name || a.id
    const on = `the ${d.rule} rule on ${is.name || is.id}`
    const at = `issues[${this.doc.issues.indexOf(is)}].decision`
    const where = `in the decision rule of ${is.name || is.id}, under Issues`
    const listed = (d.voters ?? []).filter((v) => own.includes(v))
    if (listed.length && listed.length === d.voters!.length) {
      this.refuse(`${name} is the only voter ${on} lists, and a rule that lists no voters counts every actor: first tick the voters that remain, or choose another rule, ${where}.`, at + '.voters')
    } else if (listed.length) {
      this.say(`its vote in ${on}`)
      this.edits.push(() => { d.voters = d.voters?.filter((v) => !listed.includes(v)) })
    }
    const keys = Object.keys(d.weights ?? {}).filter((k) => own.includes(k))
    if (!keys.length) return
    // After the removal the weights are without a's names, and an actor
    // given a's id by mistake stays, answering to its own aliases still:
    // its votes under them count after as they do now.
    const rest = Object.fromEntries(Object.entries(d.weights!).filter(([k]) => !keys.includes(k)))
    const before = votes(this.doc, d.weights!), after = votes(this.doc, rest, [a])
    const quota = d.quota
    if (typeof quota === 'number' && quota <= before && quota > after) {
      this.refuse(`${on} needs ${quota} votes, and without ${possessive(name, '’')} ${before - after} its other voters have ${after}: first lower the quota, or choose another rule, ${where}.`, at + '.quota')
      return
    }
    this.say(`its ${before - after} of the ${before} votes in ${on}` + (typeof quota === 'number' && !this.naming ? `: the quota stays at ${quota}, of a total that drops to ${after}` : ''))
    this.edits.push(() => { for (const k of keys) deleteKey(d, 'weights', k) })
  }

  // issue finds what names the issue is.
  issue(is: Issue) {
    const doc = this.doc
    const id = is.id
    // An id given twice by mistake is the first's, as the server reads
    // it: a later issue with it leaves what it names with the first.
    if (!id || doc.issues.slice(0, doc.issues.indexOf(is)).some((x) => x.id === id)) return
    const changes = changesOf(doc).map(([c]) => c)
    const on = (x: { issue: string }) => x.issue === id
    const stances = doc.stances.filter(on).length
    const changed = changes.reduce((n, c) => n + (c.stances ?? []).filter(on).length, 0)
    const actors: any[] = actorEntries(doc, changes)
    const redLines = actors.filter((a) => ['red_lines', 'red_line_assumed', 'red_line_evidence'].some((f) => a[f] && id in a[f])).length
    const proposals = [...(doc.proposals ?? []).map((p) => [p, false] as const),
      ...changesOf(doc).flatMap(([c, scope]) => (c.proposals ?? []).map((p) => [p, proposalsIn(doc, scope, false).has(p.id)] as const))]
    const valued = proposals.filter(([p]) => p.package && id in p.package)
    const emptied = valued.filter(([p, isChange]) => !isChange && Object.keys(p.package).length === 1).map(([p]) => p)
    const outcomes = (doc.outcomes ?? []).filter(on).length
    if (stances) this.say(plural(stances, 'stance') + ' on it')
    if (changed) this.say(`${plural(changed, 'change')} to stances on it in snapshots or variants`)
    if (redLines) this.say(`the red line on it of ${plural(redLines, 'actor')} (or of a change to one), with the reasons and quotes behind it`)
    if (valued.length) this.say(`its value in the package of ${plural(valued.length, 'proposal')}`)
    if (!this.naming) for (const p of emptied) this.say(`(proposal ${quoted(p.name || p.id)} then decides no issue: the save refuses it until it has a value for another issue, or is removed)`)
    if (outcomes) this.say(plural(outcomes, 'outcome') + ' recorded for it')
    this.edits.push(() => {
      doc.stances = doc.stances.filter((x) => !on(x))
      for (const c of changes) if (c.stances) c.stances = without(c.stances, on)
      for (const a of actors) for (const f of ['red_lines', 'red_line_assumed', 'red_line_evidence']) deleteKey(a, f, id)
      for (const [p] of valued) delete p.package[id]
      if (doc.outcomes) doc.outcomes = doc.outcomes.filter((x) => !on(x))
    })
  }

  // source finds the quotes that cite the source src, by id or by file.
  source(src: Source) {
    const doc = this.doc
    // An id given twice by mistake is the first source's, as the server
    // reads it; a file another source has too names that one as much.
    const all = doc.metadata.sources ?? []
    const others = all.filter((x) => x !== src), before = all.slice(0, all.indexOf(src))
    const names = [src.id, src.file].filter((x): x is string => !!x && !(x === src.id
      ? before.some((o) => o.id === x) || others.some((o) => o.file === x)
      : others.some((o) => o.id === x || o.file === x)))
    if (!names.length) return
    const cites = (e: Evidence) => names.includes(e.source)
    // holders are the objects with a list of quotes, and the list's field.
    const changes = changesOf(doc).map(([c]) => c)
    const holders: [any, string][] = []
    for (const x of [...doc.stances, ...changes.flatMap((c) => c.stances ?? []), ...(doc.proposals ?? []), ...changes.flatMap((c) => c.proposals ?? [])]) holders.push([x, 'evidence'])
    for (const a of actorEntries(doc, changes) as any[]) {
      holders.push([a, 'capability_evidence'], [a, 'reservation_evidence'])
      for (const k of Object.keys(a.red_line_evidence ?? {})) holders.push([a.red_line_evidence, k])
    }
    const outcomes = doc.outcomes ?? []
    for (const o of outcomes) holders.push([o, 'evidence'])
    const n = holders.reduce((k, [o, f]) => k + ((o[f] as Evidence[] | undefined) ?? []).filter(cites).length, 0)
    for (const o of outcomes) {
      if (o.evidence?.length && o.evidence.every(cites)) {
        this.refuse(`the outcome of ${issueName(doc, o.issue)} on ${o.date} rests on quotes from it alone, and an outcome needs one: first give the outcome a quote from another source, under Outcomes.`, `outcomes[${outcomes.indexOf(o)}].evidence`)
      }
    }
    if (n) this.say(`${plural(n, 'quote')} citing it`)
    this.edits.push(() => {
      for (const [o, f] of holders) if (Array.isArray(o[f])) o[f] = o[f].filter((e: Evidence) => !cites(e))
      // A red line left without quotes is left without the entry, as the
      // builder leaves it when its last quote is removed (collect).
      for (const a of actorEntries(doc, changes) as any[]) {
        for (const k of Object.keys(a.red_line_evidence ?? {})) if (a.red_line_evidence[k].length === 0) deleteKey(a, 'red_line_evidence', k)
      }
    })
  }

  // proposal finds what names the proposal p (at path): nothing when it
  // is a change's entry that changes a proposal already on the table;
  // skip is a change being removed with it.
  proposal(p: Proposal, path: string, skip?: Changes) {
    const doc = this.doc
    const scope = scopeOf(path), id = p.id
    if (!id) return
    // A proposal given the id of one before it in its list by mistake
    // leaves what the id names with that one, as the server reads it;
    // and the later ones of its list are no changes of it, but mistakes
    // that stay.
    const own = (getPath(doc, path.replace(/\[\d+\]$/, '')) ?? []) as Proposal[]
    if (own.slice(0, own.indexOf(p)).some((x) => x.id === id) || (scope && proposalsIn(doc, scope, false).has(id))) return
    const sees = reach(doc, path)
    const changes = changesOf(doc).filter(([c, sc]) => c !== skip && sees(sc)).map(([c]) => c)
    const mine = (x: Proposal) => x.id === id && !own.includes(x)
    const entries = changes.reduce((n, c) => n + (c.proposals ?? []).filter(mine).length, 0)
    const withdrawn = changes.filter((c) => c.withdraw_proposals?.includes(id)).length
    if (entries) this.say(`${plural(entries, 'change')} to it in snapshots or variants`)
    if (withdrawn) this.say(`its withdrawal, in ${plural(withdrawn, 'snapshot or variant', 'snapshots or variants')}`)
    this.edits.push(() => {
      for (const c of changes) {
        if (c.proposals) c.proposals = without(c.proposals, mine)
        if (c.withdraw_proposals) c.withdraw_proposals = without(c.withdraw_proposals, (x) => x === id, true)
      }
    })
  }

  // change finds what names, outside the change c (at path), the actors
  // and proposals it adds.
  change(c: Changes, path: string) {
    for (const [j, a] of (c.add_actors ?? []).entries()) {
      this.prefix = `${a.name || a.id || 'an actor'}, added here: `
      this.actor(a, `${path}.add_actors[${j}]`, c)
    }
    for (const [j, p] of (c.proposals ?? []).entries()) {
      this.prefix = `proposal ${quoted(p.name || p.id)}, put on the table here: `
      this.proposal(p, `${path}.proposals[${j}]`, c)
    }
    this.prefix = ''
  }
}

// removal is what removing the item at path (an element of a list:
// "actors[2]", "metadata.sources[0]", "variants[1].proposals[0]") takes
// with it, as the module's comment says.
export function removal(doc: Scenario, path: string): Removal {
  const ss = parsePath(path, doc)
  const parent = ss.slice(0, -1)
  const item = getPath(doc, ss)
  const plan = find(new Plan(doc), path)
  return {
    also: plan.also,
    refused: plan.refused,
    fields: plan.fields,
    apply: () => {
      const l = getPath(doc, parent)
      const at = Array.isArray(l) ? l.indexOf(item) : -1
      if (at >= 0) l.splice(at, 1)
      for (const e of plan.edits) e()
    },
  }
}

// find has plan find what names the item at path.
function find(plan: Plan, path: string): Plan {
  const ss = parsePath(path, plan.doc)
  const parent = ss.slice(0, -1)
  const item = getPath(plan.doc, ss)
  const list = parent[parent.length - 1]
  if (item && typeof item === 'object') {
    if (list === 'actors' && parent.length === 1) plan.actor(item, path)
    else if (list === 'add_actors') plan.actor(item, path)
    else if (list === 'issues') plan.issue(item)
    else if (list === 'sources' && parent[0] === 'metadata') plan.source(item)
    else if (list === 'proposals') plan.proposal(item, path)
    else if ((list === 'snapshots' || list === 'variants') && parent.length === 1) plan.change(item, path)
  }
  return plan
}

// naming says what names the item at path (an actor, an issue, a source,
// a proposal), in the words removal's question uses ("2 stances on
// it"), without what its removal would change besides.
export function naming(doc: Scenario, path: string): string[] {
  return find(new Plan(doc, true), path).also
}
