// The two built-in pillar sets, asked of the core once and kept.

import type { PillarSet, PillarSetInfo } from '../api/bindings'
import { pillarSets } from '../api/scorecard'

/** Names to show before (or without) the core's answer. */
export const SET_NAMES: Readonly<Record<PillarSet, string>> = {
  four_pillars: 'The four pillars',
  readiness_checklist: 'The eight-point readiness checklist',
}

let cached: Promise<PillarSetInfo[]> | null = null

export function loadPillarSets(): Promise<PillarSetInfo[]> {
  cached ??= pillarSets().catch((e) => {
    cached = null
    throw e
  })
  return cached
}
