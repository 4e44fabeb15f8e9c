import { describe, expect, test } from 'vitest'
import { answersOf, linkParts, proposedText, summarised, summaryText, toggleKind } from './scanWords'
import { FakeCore, LIBRARY, scanRow } from './scanTestdata'
import { applyEdit } from './scan.svelte'

describe('scan words', () => {
  test('“None of these” stands alone; a kind of data replaces it; order follows the question', () => {
    expect(toggleKind(['card', 'eu_personal'], 'none', true)).toEqual(['none'])
    expect(toggleKind(['none'], 'student', true)).toEqual(['student'])
    expect(toggleKind(['children'], 'eu_personal', true)).toEqual(['eu_personal', 'children'])
    expect(toggleKind(['eu_personal', 'card'], 'eu_personal', false)).toEqual(['card'])
  })

  test('unanswered questions are left out of the answers', () => {
    expect(answersOf([], null, 'unanswered', '')).toEqual({ industry_detail: '' })
    expect(answersOf(['card'], false, 'none', '')).toEqual({ data: ['card'], payments: false, industry: 'none', industry_detail: '' })
  })

  test('summary words: worst readiness and rows, or no rows yet', () => {
    expect(summaryText('GDPR', 'partial', 1)).toBe('GDPR · Partial · 1 row')
    expect(summaryText('PCI DSS', 'missing', 2)).toBe('PCI DSS · Missing · 2 rows')
    expect(summaryText('SOC 2', null, 0)).toBe('SOC 2 · No rows yet')
  })

  test('the strip sums up accepted regulations and any other that rows still name', () => {
    const core = new FakeCore()
    core.answers = { data: ['us_health'], industry_detail: '' }
    core.decisions.set('builtin-gdpr', { status: 'accepted', reason: '' })
    core.decisions.set('builtin-pci-dss', { status: 'dismissed', reason: 'Stripe holds the cards' })
    core.rows = [scanRow('Billing', LIBRARY[2], 'missing')]
    expect(summarised(core.view().regulations).map((r) => r.regulation.code)).toEqual(['GDPR', 'PCI DSS'])
  })

  test('why a regulation was proposed, in one sentence', () => {
    expect(proposedText({ proposed_by: [] })).toBeNull()
    expect(proposedText({ proposed_by: ['You store US health information', 'You serve healthcare'] })).toBe(
      'Proposed because you store US health information and you serve healthcare',
    )
  })

  test('links in the proof are cut out of the text; trailing punctuation stays text', () => {
    expect(linkParts('Policy at https://ex.com/p. Also mailto:dpo@ex.com')).toEqual([
      { text: 'Policy at ' },
      { text: 'https://ex.com/p', url: 'https://ex.com/p' },
      { text: '. Also ' },
      { text: 'mailto:dpo@ex.com', url: 'mailto:dpo@ex.com' },
    ])
    expect(linkParts('no links: none')).toEqual([{ text: 'no links: none' }])
    expect(linkParts('')).toEqual([{ text: '' }])
  })

  test('an edit shows at once; a new regulation brings its code', () => {
    const row = scanRow('Accounts', LIBRARY[0], 'partial')
    expect(applyEdit(row, { field: 'readiness', value: 'ready' }, LIBRARY).readiness).toBe('ready')
    const moved = applyEdit(row, { field: 'regulation_id', value: 'builtin-hipaa' }, LIBRARY)
    expect([moved.regulation_id, moved.regulation]).toEqual(['builtin-hipaa', 'HIPAA'])
  })
})
