// Builders for risk test data shaped like the core's, and a fake core for the page's tests.

import type { Band, HeatCell, HeatMap, Risk, RiskPage, RiskQuery, RisksView } from '../api/bindings'
import { bandOf } from './words'

export function risk(title: string, over: Partial<Risk> = {}): Risk {
  const likelihood = over.likelihood ?? 3
  const impact = over.impact ?? 3
  const severity = likelihood * impact
  return {
    id: `r-${title}`,
    project_id: 'p1',
    title,
    description: '',
    likelihood,
    impact,
    severity,
    band: bandOf(severity),
    mitigation: '',
    owner: '',
    status: 'open',
    review_date: null,
    review_overdue: false,
    closing_note: '',
    goals: [],
    stakeholders: [],
    band_change: null,
    ...over,
  }
}

/** The 25 cells in the core's order (likelihood 5 first, impact 1-5 within a row) for `risks`. */
export function heatOf(risks: readonly Risk[]): HeatMap {
  const open = risks.filter((r) => r.status !== 'closed')
  const cells: HeatCell[] = []
  for (let l = 5; l >= 1; l--) {
    for (let i = 1; i <= 5; i++) {
      const band: Band = bandOf(l * i)
      cells.push({ likelihood: l, impact: i, band, count: open.filter((r) => r.likelihood === l && r.impact === i).length })
    }
  }
  return { cells, total: open.length }
}

/** What the core would list for `q` (status, cell, band, owner and a plain substring search). */
export function pageOf(risks: readonly Risk[], q: RiskQuery): RiskPage {
  const words = q.search.trim().toLowerCase()
  const hits = risks.filter(
    (r) =>
      (q.status === 'all' ||
        (q.status === 'active' ? r.status !== 'closed' || words !== '' : r.status === q.status)) &&
      (!q.cell || (r.likelihood === q.cell.likelihood && r.impact === q.cell.impact)) &&
      (!q.band || r.band === q.band) &&
      (q.owner == null || r.owner === q.owner) &&
      (!words || r.title.toLowerCase().includes(words)),
  )
  const limit = q.limit ?? 100
  return { total: hits.length, offset: q.offset, risks: hits.slice(q.offset, q.offset + limit) }
}

export function viewOf(risks: readonly Risk[], q: RiskQuery): RisksView {
  return {
    heat_map: heatOf(risks),
    page: pageOf(risks, q),
    owners: [...new Set(risks.map((r) => r.owner).filter(Boolean))].sort(),
    goals: [{ id: 'g1', name: 'Keep the onboarding API reliable' }],
    stakeholders: [{ id: 's1', name: 'Customer success lead' }],
  }
}

/** A promise with its resolve exposed, for answers the test releases when it chooses. */
export function later<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
