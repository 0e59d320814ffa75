// Scopes: what the base, a snapshot or a variant sees of the scenario's
// actors and proposals. A snapshot's changes add up in date order, and a
// variant applies on top of every snapshot, so an actor or a proposal a
// change adds is seen by that change and those after it; the builder's
// menus, renames and removals follow these rules, as resolve.go does.
import type { Scenario, Changes, Actor, ActorChange, Proposal } from './api'

// allActors are every actor the file defines: the base's, then those the
// snapshots and the variants add, in the file's order.
export function allActors(doc: Scenario): Actor[] {
  return [...(doc.actors ?? []), ...(doc.snapshots ?? []).flatMap((s) => s.add_actors ?? []), ...(doc.variants ?? []).flatMap((v) => v.add_actors ?? [])]
}

// changesOf are the snapshots and variants, each with its scope
// ("snapshots[1]").
export function changesOf(doc: Scenario): [Changes, string][] {
  return [...(doc.snapshots ?? []).map((c, i) => [c, `snapshots[${i}]`] as [Changes, string]),
    ...(doc.variants ?? []).map((c, i) => [c, `variants[${i}]`] as [Changes, string])]
}

// actorEntries are what holds an actor's red lines and quotes: the
// base's actors, and in the changes cs the actors they add and their
// changes to actors.
export function actorEntries(doc: Scenario, cs: Changes[]): (Actor | ActorChange)[] {
  return [...doc.actors, ...cs.flatMap((c) => [...(c.actors ?? []), ...(c.add_actors ?? [])])]
}

// resolves names the actor id or alias name stands for.
export function resolves(doc: Scenario, name: string): string | undefined {
  const all = allActors(doc)
  return (all.find((a) => a.id === name) ?? all.find((a) => a.aliases?.includes(name)))?.id
}

// scopeOf is the snapshot or variant a path lies in ("snapshots[1]"), or
// '' for the base.
export function scopeOf(path: string): string {
  return /^(?:snapshots|variants)\[\d+\]/.exec(path)?.[0] ?? ''
}

// snapshotOrder is the snapshots' indices in the order resolve.go applies
// them: by date, the file's order among equal dates.
export function snapshotOrder(doc: Scenario): number[] {
  const sn = doc.snapshots ?? []
  return sn.map((_, i) => i).sort((a, b) => (sn[a].date < sn[b].date ? -1 : sn[a].date > sn[b].date ? 1 : a - b))
}

// applying are the changes that make the scenario a change at scope
// sees, in order, itself last: the snapshots dated before a snapshot and
// the snapshot (snapshots are cumulative), every snapshot and the
// variant for a variant (a variant applies on top of any snapshot, and is
// checked against the latest); none for the base.
export function applying(doc: Scenario, scope: string): Changes[] {
  const m = /^(snapshots|variants)\[(\d+)\]$/.exec(scope)
  if (!m) return []
  const sn = doc.snapshots ?? [], order = snapshotOrder(doc), i = Number(m[2])
  if (m[1] === 'variants') return [...order.map((k) => sn[k]), ...(doc.variants?.[i] ? [doc.variants[i]] : [])]
  return order.slice(0, order.indexOf(i) + 1).map((k) => sn[k])
}

// actorsIn are the actors at the table in a change at scope: the base's,
// with those added by the changes before it and by itself, less those
// the changes before it removed.
export function actorsIn(doc: Scenario, scope: string): Actor[] {
  let list = [...doc.actors]
  const cs = applying(doc, scope)
  cs.forEach((c, k) => {
    list.push(...(c.add_actors ?? []))
    if (k === cs.length - 1 || !c.remove_actors?.length) return
    const gone = new Set(c.remove_actors.map((r) => (list.find((a) => a.id === r) ?? list.find((a) => a.aliases?.includes(r)))?.id))
    list = list.filter((a) => !gone.has(a.id))
  })
  return list
}

// proposalsIn are the proposals (id and name) a change at scope can
// change or withdraw: the base's, with those the changes before it added
// and did not withdraw, and, with own, its own.
export function proposalsIn(doc: Scenario, scope: string, own = true): Map<string, string> {
  const out = new Map<string, string>()
  const put = (ps: Proposal[] | undefined) => { for (const p of ps ?? []) if (p.id) out.set(p.id, p.name || out.get(p.id) || p.id) }
  put(doc.proposals)
  const cs = applying(doc, scope)
  cs.forEach((c, k) => {
    if (k === cs.length - 1) { if (own) put(c.proposals); return }
    put(c.proposals)
    for (const w of c.withdraw_proposals ?? []) out.delete(w)
  })
  return out
}

// reach says which scopes see an actor or a proposal defined at path
// (its id's field): every one for the base's; for a snapshot's, the
// snapshot, the snapshots after it and every variant; for a variant's,
// the variant alone.
export function reach(doc: Scenario, path: string): (scope: string) => boolean {
  const at = scopeOf(path)
  if (!at) return () => true
  if (at.startsWith('variants')) return (scope) => scope === at
  const order = snapshotOrder(doc).map((i) => `snapshots[${i}]`)
  const from = order.indexOf(at)
  return (scope) => scope.startsWith('variants') || (scope !== '' && order.indexOf(scope) >= from)
}
