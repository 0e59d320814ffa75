// The proposals on the table (parley deal proposals): one table, each
// proposal with who accepts it, who rejects it and why, its quote and
// its distance from each model's forecast; a second table shows how its support changed over the snapshots.

import { api } from './api'
import type { DealProposals, DealProposalsRequest } from './api'
import { h, fmt, noNumber, settingsText, errorText, decimalsOf, distanceText } from './util'

// Distances is the answer that measures each proposal's distance from
// the models' forecasts, or why there is none ('' while it is awaited).
interface Distances { answer?: DealProposals; error?: string }

// distances keeps the last request for the distances: they depend on
// the scenario, its snapshot and variant, the models and their
// settings, not on ρ or who must accept, so a change of those judges the
// proposals again without running every model again. The no-deal
// package is in the key too: the answer's warnings about it are told
// apart from the verdicts' by comparing the two.
let distances: { key: string; run: Promise<Distances> } | null = null

// proposalsCard returns the card and starts loading it, each proposal
// compared with the forecasts of models (none when empty); name turns an
// actor id into its name, proposal a proposal's id (one withdrawn by the
// snapshot shown too, which the answer's timeline names only by id), and
// source a quote's source id into its title.
//
// The verdicts and the timeline need no model: they are asked with none,
// and drawn whatever becomes of the distances, which a second request
// asks with the models (a full forecast first, which may go over the
// server's limits within a request). Its failure drops only the
// distance line, the hint saying why in the server's words.
export function proposalsCard(sv: { id: string; version: number }, base: Partial<DealProposalsRequest>, distanceBase: Partial<DealProposalsRequest>, models: string[],
  name: (actor: string) => string, proposal: (id: string) => string, source: (id: string) => string = (x) => x): HTMLElement {
  const box = h('div', { 'data-testid': 'proposals-result', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Judging the proposals…'))
  const card = h('section', { class: 'card' }, h('h2', {}, 'Proposals on the table'),
    h('p', { class: 'hint' }, 'Each proposal decides some issues and leaves the others open (judged at their no-deal value, their red lines not checked). An actor accepts when the proposal is worth at least its alternative and crosses none of its red lines.'),
    box)
  const measured = measure(sv, distanceBase, models)
  api.dealProposals(sv.id, { ...base, all_snapshots: true, models: ['none'] })
    .then((run) => {
      if (run.status !== 'done' || !run.result) { box.replaceChildren(h('p', { class: 'error' }, run.error ?? run.status)); return }
      const a = run.result
      // Draws the distances m brings once they come; a failure's line
      // offers to ask again (retry), which a failed request allows: it
      // is not kept (measure).
      const show = (m: Promise<Distances>) => {
        drawProposals(box, a, {}, name, proposal, source, retry)
        m.then((d) => { if (box.isConnected) drawProposals(box, a, d, name, proposal, source, retry) })
      }
      const retry = () => { const m = measure(sv, distanceBase, models); if (m) show(m) }
      if (measured) show(measured)
      else drawProposals(box, a, null, name, proposal, source, retry)
    })
    .catch((e) => box.replaceChildren(h('p', { class: 'error' }, errorText(e))))
  return card
}

// measure asks for the proposals' distances from the models' forecasts
// (null with no model), or answers the request already made for the
// same; it never fails: a failure is the answer's error.
function measure(sv: { id: string; version: number }, base: Partial<DealProposalsRequest>, models: string[]): Promise<Distances> | null {
  if (!models.length || (models.length === 1 && models[0] === 'none')) return null
  const key = JSON.stringify([sv.id, sv.version, base.snapshot, base.variant, base.batna, base.params, models])
  if (distances?.key !== key) {
    const run = api.dealProposals(sv.id, { ...base, models })
      .then((r): Distances => r.status === 'done' && r.result ? { answer: r.result } : { error: r.error ?? r.status }, (e): Distances => ({ error: errorText(e) }))
    // A failure is not kept: the next judging asks again.
    run.then((d) => { if (d.error && distances?.run === run) distances = null })
    distances = { key, run }
  }
  return distances.run
}

// drawProposals draws the verdicts a and, from d, each proposal's
// distance from the models' forecasts (d null: none asked; {}: awaited);
// where d is a failure, its line and a button that asks again (retry).
function drawProposals(box: HTMLElement, a: DealProposals, d: Distances | null, name: (actor: string) => string, proposal: (id: string) => string, source: (id: string) => string, retry: () => void) {
  const forecasts = (id: string) => d?.answer?.proposals.find((p) => p.id === id)?.forecasts ?? []
  // The distance answer's own warnings (a model that gave no forecast or
  // did not settle): the rest it shares with the verdicts'.
  const warnings = [...(a.warnings ?? []), ...(d?.answer?.warnings ?? []).filter((w) => !a.warnings?.includes(w))]
  const measured = a.proposals.some((p) => forecasts(p.id).length)
  // Issues by name, as the answer names them.
  const issue = (id: string) => a.scenario.issues.find((x) => x.id === id)?.name || id
  const names = (ids?: string[]) => (ids ?? []).map(name).join(', ')
  const alts = a.alternatives.map((x) => `${name(x.actor)} ${fmt(x.value, 3)}`).join(' · ')
  const rows = a.proposals.map((p) => {
    // Who rejects and why, and who accepts only by its default
    // alternative (none stated: the answer's why says so), as parley
    // deal proposals prints them under its table.
    const why = p.actors.filter((v) => !v.accepts || v.defaulted).map((v) => h('li', v.defaulted ? { 'data-defaulted': v.actor } : {}, h('b', {}, name(v.actor)), ' ', v.why))
    const quote = p.evidence?.[0]
    return h('tr', { class: p.error ? 'unjudged' : p.accepted ? 'yes' : 'no', 'data-proposal': p.id },
      h('th', { scope: 'row' }, p.name, h('small', {}, `${p.date}${p.proposers?.length ? ' · ' + p.proposers.map(name).join(', ') : ''}`),
        // The quote's source by its title; its id, as the file cites it, on hover.
        quote ? h('small', { class: 'muted' }, `“${quote.quote}” (`, h('cite', { title: quote.source, 'data-source': quote.source }, source(quote.source)), ')') : null),
      // Each value in the answer's words (ask.PackageValueText), as parley
      // deal proposals prints them: "90.0 (nearest: 2019 level (100.0))",
      // not "90.0 2019 level", which read as if it offered the 2019 level.
      // An answer stored before shows its fields plainly.
      h('td', {}, ...p.package.map((v) => h('div', { 'data-issue': v.issue }, h('b', {}, issue(v.issue)), ' ',
        h('span', { 'data-testid': 'proposal-value' }, v.text ?? fmt(v.value, decimalsOf(a.scenario, v.issue))),
        v.text === undefined && v.option ? h('small', {}, `option nearest: ${v.option}`) : null)),
        p.open?.length ? h('small', { class: 'muted open', 'data-testid': 'proposal-open' }, `open: ${p.open.map(issue).join(', ')}`) : null,
        // Its distance from each model's forecast on the issues it
        // decides, in the words the answer carries, as parley deal
        // proposals prints them (distanceText).
        forecasts(p.id).length ? h('small', { class: 'muted', 'data-testid': 'proposal-distance' }, 'distance: ',
          ...forecasts(p.id).flatMap((x, i) => [i ? ' · ' : '', h('span', { 'data-model': x.model }, distanceText(x))])) : null),
      // The verdict and who decides it, and whether it passes each
      // issue's rule and who carries it, in the words the answer carries
      // (ask.ProposalVerdictText, ask.RuleText), as parley deal proposals
      // prints them: under decision rules the hint above the table says
      // what a proposal must pass (acceptance), and a proposal a rule
      // passes may still be blocked by a required actor. An answer stored
      // before shows its fields plainly.
      h('td', {}, h('span', { 'data-testid': 'proposal-verdict' }, p.verdict_text ?? (p.error ? 'not judged' : p.accepted ? 'accepted' : 'blocked')),
        // The red lines its open issues would cross, which the verdict
        // does not check (ask.OpenRedLinesText), as parley deal
        // proposals prints them under the proposal.
        p.open_red_lines_text ? h('small', { class: 'muted', 'data-testid': 'proposal-open-red-lines' }, p.open_red_lines_text) : null,
        !p.error && p.rules?.length ? h('ul', { class: 'rules', 'data-testid': 'proposal-rules' }, ...p.rules.map((r) => h('li', {},
          r.text ?? `${issue(r.issue)} by ${r.rule}: ${r.passes ? 'passes' : 'fails'}`))) : null),
      h('td', {}, p.error ? h('p', { class: 'warn', 'data-testid': 'proposal-error' }, p.error) : why.length ? h('ul', {}, ...why) : '—'))
  })
  const tl = a.timeline ?? []
  const ids: string[] = []
  for (const s of tl) for (const p of s.proposals) if (!ids.includes(p.id)) ids.push(p.id)
  // Drawn again when the distances come: the timeline opened meanwhile stays open.
  const open = box.querySelector('details')?.open ?? false
  box.replaceChildren(
    // Each actor's alternative and the no-deal package in the answer's
    // words (alternatives_text, ask.AlternativesLine), as parley deal
    // proposals prints them; an answer stored before it was carried
    // shows its fields plainly.
    h('p', { class: 'hint', 'data-testid': 'proposals-alternatives' }, a.alternatives_text ?? `Alternatives to agreement (no-deal package: ${a.no_deal}): ${alts}.`),
    a.proposals.some((p) => p.rules?.length) ? h('p', { class: 'hint', 'data-testid': 'proposals-acceptance' }, `A proposal is accepted when ${a.acceptance}.`) : '',
    // The answer's warnings (a proposal not judged, none on the table)
    // as every view shows warnings; "p.warning" had no style, and read as
    // the body text around it.
    warnings.length ? h('ul', { class: 'warnings', 'data-testid': 'proposals-warnings' }, ...warnings.map((w) => h('li', {}, h('span', { 'aria-hidden': 'true' }, '⚠ '), w))) : '',
    // The head the answer carries (ask.ProposalsDistanceHead), as parley
    // deal proposals prints it above its lines; "Distances" in an answer
    // stored before it carried it.
    measured ? h('p', { class: 'hint', 'data-testid': 'proposals-distance-head' }, `${d?.answer?.distance_head ?? 'Distances'}: under its package.`)
      : !a.proposals.length || !d ? ''
        : d.error ? h('div', { class: 'hint' }, h('p', { 'data-testid': 'proposals-distance-error' }, `No distance from the models’ forecasts: ${d.error}`),
          h('button', { type: 'button', 'data-testid': 'proposals-distance-retry', onclick: retry }, 'Measure the distances again'))
          : !d.answer ? h('p', { class: 'hint', 'data-testid': 'proposals-distance-wait' }, 'Measuring each proposal’s distance from the models’ forecasts…') : '',
    settingsText(a.request) ? h('p', { class: 'hint', 'data-testid': 'proposals-settings' }, `The proposals are judged with the settings chosen on the Forecast view (${settingsText(a.request)}), as the forecast runs its models.`) : '',
    a.proposals.length ? h('table', { class: 'compare', 'data-testid': 'proposals-table' },
      h('thead', {}, h('tr', {}, ...['Proposal', 'Package', 'Verdict', 'Blocked by, and why (and who accepts only by default)'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows))
      // With none, the answer's warning says why (none in the scenario,
      // or none yet at this date); the page's own sentence only said it
      // again, and "at this snapshot" of a scenario that has none.
      : a.warnings?.length ? '' : h('p', { class: 'hint' }, 'No proposal is on the table at this snapshot.'),
    ids.length ? h('details', { class: 'anchors', open }, h('summary', {}, 'Support over the snapshots'),
      h('table', { class: 'compare', 'data-testid': 'proposals-timeline' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Proposal'), ...tl.map((s) => h('th', { scope: 'col' }, s.snapshot, s.label ? h('small', {}, s.label) : null)))),
        h('tbody', {}, ...ids.map((id) => h('tr', { 'data-proposal': id }, h('th', { scope: 'row' }, proposal(id)), ...tl.map((s) => {
          // The cell in the answer's words (ask.SupportText), as the
          // command line prints it; the actors whose yes a default
          // decides named on it (their names on hover).
          const p = s.proposals.find((x) => x.id === id)
          return !p ? h('td', {}, noNumber) : p.error ? h('td', {}, h('span', { title: p.error }, p.text))
            : h('td', p.defaulted?.length ? { 'data-defaulted': p.defaulted.join(' '), title: `by default: ${names(p.defaulted)}` } : {}, p.text)
        }))))),
      a.timeline_note ? h('p', { class: 'hint', 'data-testid': 'proposals-timeline-note' }, a.timeline_note) : '',
      // The red lines the open issues would cross at the snapshots,
      // which the support does not count, as parley deal proposals
      // prints them under its timeline (ask.TimelineOpenRedLines).
      ...(a.timeline_open_red_lines ?? []).map((l) => h('p', { class: 'hint', 'data-testid': 'proposals-timeline-open-red-lines' }, l))) : '')
}
