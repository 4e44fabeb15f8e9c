import { describe, expect, test } from 'vitest'
import { prepare } from './fuzzy'
import { search, type Entry, type Kind } from './search'

function entry(kind: Kind, name: string, detail = '', keywords?: string): Entry {
  return { key: `${kind}:${name}`, kind, name: prepare(name), detail, keywords: keywords ? prepare(keywords) : undefined, run: () => {} }
}

const entries = {
  action: [entry('action', 'Record assessment', '', 'freeze scores release'), entry('action', 'Back up now', '', 'backup copy')],
  page: [entry('page', 'Scorecard', 'LaunchPad'), entry('page', 'Risks', 'LaunchPad')],
  project: [entry('project', 'LaunchPad – v0 Readiness'), entry('project', 'Atlas')],
  pillar: [entry('pillar', 'Reliability', 'LaunchPad'), entry('pillar', 'Security', 'Atlas')],
  risk: [entry('risk', 'An integration spikes traffic', 'LaunchPad'), entry('risk', 'Payment provider times out', 'Atlas')],
  regulation: [entry('regulation', 'GDPR · General Data Protection Regulation (EU)', 'LaunchPad')],
}

describe('search', () => {
  test('with nothing typed: the actions, the pages and the projects, in that order', () => {
    const groups = search('  ', entries)
    expect(groups.map((g) => g.kind)).toEqual(['action', 'page', 'project'])
    expect(groups[0].hits.map((h) => h.name.text)).toEqual(['Record assessment', 'Back up now'])
  })

  test('a fragment finds items of every kind, grouped, the best group first', () => {
    const groups = search('spike', entries)
    expect(groups.map((g) => g.kind)).toEqual(['risk'])
    expect(groups[0].hits[0].detail).toBe('LaunchPad')
    expect(groups[0].hits[0].positions).toEqual([15, 16, 17, 18, 19])

    const r = search('re', entries)
    // "Record assessment", "Reliability", "Risks"... each in its kind's group.
    expect(new Set(r.map((g) => g.kind))).toEqual(new Set(['action', 'page', 'project', 'pillar', 'risk', 'regulation']))
    expect(search('gdpr', entries)[0].hits[0].kind).toBe('regulation')
  })

  test('an action is found by its hidden keywords, below one found by its name', () => {
    const groups = search('freeze', entries)
    expect(groups[0].hits.map((h) => h.name.text)).toEqual(['Record assessment'])
    expect(groups[0].hits[0].positions).toEqual([])
    const backup = search('back', entries)[0]
    expect(backup.hits[0].name.text).toBe('Back up now')
  })

  test('nothing found is no group at all', () => {
    expect(search('zzzz', entries)).toEqual([])
  })
})
