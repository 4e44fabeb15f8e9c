import { beforeEach, describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import type { Briefing as BriefingData } from '../api/bindings'
import Briefing from './Briefing.svelte'
import { goal, project, settle } from '../../test/fixtures'
import { risk } from '../risks/testdata'
import { item } from '../agenda/testdata'
import { nav } from '../projects/nav.svelte'
import { comingNote, dateLines, goalsNote, risksNote } from './words'

function briefing(over: Partial<BriefingData> = {}): BriefingData {
  const api = goal('Keep the onboarding API reliable', {
    target: 99,
    unit: '%',
    metric: '99% of requests succeed',
    values: [['2026-11-20', 98.1]],
  })
  return {
    as_of: '2026-11-28',
    headline: { overall: 2, at_target: 0, total: 12, scored: 12, lowest: ['Security', 'Observability'] },
    counts: { on_target: 0, in_progress: 2, pending: 10 },
    leading: api,
    goals: [api, goal('Publish the readiness headline')],
    top_risks: [risk('An integration spikes traffic', { likelihood: 4, impact: 4 }), risk('Keys never rotated', { likelihood: 3, impact: 3 })],
    open_risks: 7,
    critical_risks: 1,
    risk_count: 8,
    regulations: [
      { regulation_id: 'builtin-gdpr', code: 'GDPR', name: 'General Data Protection Regulation (EU)', worst: 'partial', rows: 1 },
      { regulation_id: 'builtin-pci-dss', code: 'PCI DSS', name: 'Payment Card Industry Data Security Standard', worst: 'missing', rows: 2 },
      { regulation_id: 'soc2', code: 'SOC 2', name: 'SOC 2', worst: null, rows: 0 },
    ],
    compliance_review: { text: 'Launch day (to be dated)', overdue: false },
    coming: [
      item('Reliability checkpoint', '2026-11-20', { kind: 'pillar_checkpoint', row_id: 'pl-Reliability', area: 'scorecard' }),
      item('Check in with the customer success lead', '2026-12-02', { kind: 'stakeholder_check_in', area: 'stakeholders' }),
    ],
    coming_days: 30,
    ...over,
  }
}

function setup(data: BriefingData | (() => never)) {
  mockIPC((cmd) => {
    if (cmd === 'project_briefing') return typeof data === 'function' ? data() : data
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(Briefing, { target, props: { project: project() } })
  flushSync()
  const q = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`)
  const all = (id: string) => [...target.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)]
  return { target, app, q, all }
}

beforeEach(() => {
  nav.area = 'overview'
  nav.focus = null
})

describe('Briefing', () => {
  test('shows what the one-pager prints: headline, leading metric, goals, top risks, readiness, dates', async () => {
    const { app, q, all } = setup(briefing())
    await settle()
    expect(q('headline-overall')!.textContent).toBe('2.0')
    expect(q('headline-at-target')!.textContent).toBe('0 of 12 pillars at target')
    expect(q('briefing-leading')!.textContent).toContain('p95 latency')
    expect(q('briefing-leading')!.textContent).toContain('98.1% · target ≥ 99%')
    expect(all('briefing-goal').map((g) => g.textContent)).toEqual([
      expect.stringContaining('Keep the onboarding API reliable'),
      expect.stringContaining('Publish the readiness headline'),
    ])
    expect(q('briefing-goals')!.textContent).toContain('0 of 1 met')
    expect(all('briefing-risk')[0].textContent).toContain('An integration spikes traffic')
    expect(all('briefing-risk')[0].textContent).toContain('High · 16')
    expect(q('briefing-risks')!.textContent).toContain('2 of 7 not closed · 1 critical')
    expect(all('briefing-regulation').map((r) => [r.dataset.code, r.dataset.worst])).toEqual([
      ['GDPR', 'partial'],
      ['PCI DSS', 'missing'],
      ['SOC 2', 'none'],
    ])
    expect(all('briefing-regulation')[0].textContent).toContain('Partial')
    expect(q('briefing-compliance-review')!.textContent).toContain('Launch day (to be dated)')
    expect(all('briefing-date')[0].textContent).toContain('overdue since')
    expect(q('briefing-dates')!.textContent).toContain('1 overdue · 1 in the next 30 days')
    unmount(app)
  })

  test('every part opens its page, every row its row there', async () => {
    const { app, q, all } = setup(briefing())
    await settle()
    all('briefing-risk')[0].click()
    expect([nav.area, nav.focus]).toEqual(['risks', 'r-An integration spikes traffic'])
    all('briefing-goal')[1].click()
    expect([nav.area, nav.focus]).toEqual(['goals', 'g-Publish the readiness headline'])
    all('briefing-regulation')[1].click()
    expect([nav.area, nav.focus, nav.kind]).toEqual(['compliance', 'builtin-pci-dss', 'compliance_review'])
    all('briefing-date')[0].click()
    expect([nav.area, nav.focus]).toEqual(['scorecard', 'pl-Reliability'])
    q('briefing-risks-open')!.click()
    expect([nav.area, nav.focus]).toEqual(['risks', null])
    q('briefing-scorecard')!.click()
    expect(nav.area).toBe('scorecard')
    unmount(app)
  })

  test('a long goal list shows its first eight and the way to the rest', async () => {
    const goals = Array.from({ length: 11 }, (_, i) => goal(`Goal ${i + 1}`))
    const { app, target, all } = setup(briefing({ goals }))
    await settle()
    expect(all('briefing-goal').map((g) => g.textContent)).toEqual(
      goals.slice(0, 8).map((g) => expect.stringContaining(g.goal)),
    )
    const more = Array.from(target.querySelectorAll<HTMLButtonElement>('button.more')).find((b) =>
      b.textContent!.includes('in Goals'),
    )!
    expect(more.textContent!.trim()).toBe('3 more in Goals')
    more.click()
    expect([nav.area, nav.focus]).toEqual(['goals', null])
    unmount(app)
  })

  test('an empty project says what each part is for', async () => {
    const empty = briefing({
      headline: { overall: null, at_target: 0, total: 0, scored: 0, lowest: [] },
      counts: { on_target: 0, in_progress: 0, pending: 0 },
      leading: null,
      goals: [],
      top_risks: [],
      open_risks: 0,
      critical_risks: 0,
      risk_count: 0,
      regulations: [],
      compliance_review: null,
      coming: [],
    })
    const { app, target } = setup(empty)
    await settle()
    const text = target.textContent!
    expect(text).toContain('No pillars yet')
    expect(text).toContain('No goals yet')
    expect(text).toContain('No risks yet')
    expect(text).toContain('No regulation accepted yet')
    expect(text).toContain('Nothing overdue and nothing due in the next 30 days.')
    unmount(app)
  })

  test('a failed read says so', async () => {
    const { app, target } = setup(() => {
      throw { kind: 'storage', message: 'The workspace is locked.' }
    })
    await settle()
    expect(target.querySelector('[role="alert"]')!.textContent).toContain('The workspace is locked.')
    unmount(app)
  })
})

describe('notes', () => {
  test('are worded as the scorecard prints them', () => {
    const b = briefing()
    expect(risksNote(b)).toBe('2 of 7 not closed · 1 critical')
    expect(risksNote({ ...b, top_risks: [], open_risks: 0, critical_risks: 0, risk_count: 4 })).toBe('None open · 4 closed')
    expect(risksNote({ ...b, open_risks: 2, critical_risks: 0 })).toBe('2 not closed')
    expect(comingNote(b.coming, 30)).toBe('1 overdue · 1 in the next 30 days')
    expect(comingNote([], 30)).toBe('')
    expect(goalsNote(b.goals)).toBe('0 of 1 met')
    expect(goalsNote([goal('No numbers')])).toBe('1 goal')
  })

  test('three or more dates of one kind on one day fold into one line, as in print', () => {
    const pillars = ['Reliability', 'Security', 'Observability'].map((n) =>
      item(`${n} checkpoint`, '2026-12-12', { kind: 'pillar_checkpoint', row_id: `pl-${n}`, area: 'scorecard' }),
    )
    const two = [item('A review', '2026-12-12'), item('B review', '2026-12-12')]
    const lines = dateLines([item('Earlier', '2026-12-01'), ...pillars, ...two])
    expect(lines.map((l) => [l.title, l.count])).toEqual([
      ['Earlier', 1],
      ['3 pillar checkpoints', 3],
      ['A review', 1],
      ['B review', 1],
    ])
  })
})
