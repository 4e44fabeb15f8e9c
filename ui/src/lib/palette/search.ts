// What the palette lists for a query: its entries grouped by kind, the best few of each, the
// group holding the best match first (so Enter runs it). With nothing typed: the page's actions,
// the pages, the projects.

import { best, queryWords, type Match, type Prepared } from './fuzzy'

export type Kind = 'action' | 'page' | 'project' | 'pillar' | 'goal' | 'stakeholder' | 'risk' | 'regulation'

export type Entry = {
  /** Unique in the list: kind and id. */
  key: string
  kind: Kind
  /** What is matched and shown. */
  name: Prepared
  /** Extra words matched but not shown (an action's synonyms). */
  keywords?: Prepared
  /** Shown on the right: the project an item is in, an action's shortcut. */
  detail: string
  run: () => unknown
}

export type Hit = Entry & Match
export type Group = { kind: Kind; label: string; hits: Hit[] }

export const KINDS: readonly { kind: Kind; label: string; limit: number }[] = [
  { kind: 'action', label: 'Actions', limit: 8 },
  { kind: 'page', label: 'Pages', limit: 8 },
  { kind: 'project', label: 'Projects', limit: 6 },
  { kind: 'pillar', label: 'Pillars', limit: 5 },
  { kind: 'goal', label: 'Goals', limit: 5 },
  { kind: 'stakeholder', label: 'Stakeholders', limit: 5 },
  { kind: 'risk', label: 'Risks', limit: 8 },
  { kind: 'regulation', label: 'Regulations', limit: 5 },
]

/** With nothing typed only these show, in this order. */
const AT_REST: readonly Kind[] = ['action', 'page', 'project']

/** An entry matched on its name, or on its keywords when the name alone does not match (a little
 *  lower, so a name that matches wins). */
function bestOf(entries: readonly Entry[], words: string[], limit: number): Hit[] {
  const byName = best(entries, words, limit)
  const withKeywords = entries.filter((e) => e.keywords)
  if (withKeywords.length === 0 || byName.length >= limit) return byName
  const taken = new Set(byName.map((h) => h.key))
  const byWords = best(
    withKeywords.filter((e) => !taken.has(e.key)).map((e) => ({ e, name: e.keywords! })),
    words,
    limit - byName.length,
  ).map(({ e, score }) => ({ ...e, score: score - 50, positions: [] }))
  return [...byName, ...byWords].sort((a, b) => b.score - a.score)
}

export function search(query: string, entries: Partial<Record<Kind, readonly Entry[]>>): Group[] {
  const words = queryWords(query)
  const groups: (Group & { top: number })[] = []
  for (const { kind, label, limit } of KINDS) {
    const list = entries[kind] ?? []
    if (words.length === 0) {
      if (!AT_REST.includes(kind) || list.length === 0) continue
      groups.push({ kind, label, hits: list.slice(0, limit).map((e) => ({ ...e, score: 0, positions: [] })), top: 0 })
      continue
    }
    const hits = bestOf(list, words, limit)
    if (hits.length > 0) groups.push({ kind, label, hits, top: hits[0].score })
  }
  // Stable: groups with equal best scores keep the order above.
  if (words.length > 0) groups.sort((a, b) => b.top - a.top)
  return groups.map(({ kind, label, hits }) => ({ kind, label, hits }))
}
