// The scorecard: pillars, scores and assessments.

import type {
  Assessment,
  AssessmentEdit,
  NewPillar,
  Pillar,
  PillarEdit,
  PillarSaved,
  PillarSet,
  PillarSetInfo,
  RemovalImpact,
  ScoreChange,
  ScorecardScreen,
} from './bindings'
import { call } from './call'

export function pillarSets(): Promise<PillarSetInfo[]> {
  return call<PillarSetInfo[]>('pillar_sets')
}

const preloaded = new Map<string, ScorecardScreen>()

/** The launch's answer for `projectId` (see `firstScreen`): the next `getScorecard` of it takes
 *  it instead of asking the core; any later one asks. */
export function preloadScorecard(projectId: string, screen: ScorecardScreen): void {
  preloaded.set(projectId, screen)
}

/** Drops what the launch brought and nobody took. */
export function forgetPreloaded(): void {
  preloaded.clear()
}

/** What the scorecard page shows: assessments without their frozen evidence. */
export function getScorecard(projectId: string): Promise<ScorecardScreen> {
  const screen = preloaded.get(projectId)
  if (screen) {
    preloaded.delete(projectId)
    return Promise.resolve(screen)
  }
  return call<ScorecardScreen>('get_scorecard', { projectId })
}

export function addPillar(projectId: string, pillar: NewPillar): Promise<Pillar> {
  return call<Pillar>('add_pillar', { projectId, new: pillar })
}

export function addPillarSet(projectId: string, set: PillarSet): Promise<Pillar[]> {
  return call<Pillar[]>('add_pillar_set', { projectId, set })
}

export function editPillar(id: string, edit: PillarEdit): Promise<PillarSaved> {
  return call<PillarSaved>('edit_pillar', { id, edit })
}

export function movePillar(id: string, index: number): Promise<Pillar[]> {
  return call<Pillar[]>('move_pillar', { id, index })
}

export function pillarRemovalImpact(id: string): Promise<RemovalImpact> {
  return call<RemovalImpact>('pillar_removal_impact', { id })
}

export function removePillar(id: string): Promise<Pillar[]> {
  return call<Pillar[]>('remove_pillar', { id })
}

export function recordAssessment(projectId: string, label: string, date: string): Promise<Assessment> {
  return call<Assessment>('record_assessment', { projectId, label, date })
}

export function editAssessment(id: string, edit: AssessmentEdit): Promise<Assessment> {
  return call<Assessment>('edit_assessment', { id, edit })
}

export function deleteAssessment(id: string): Promise<void> {
  return call<void>('delete_assessment', { id })
}

export function compareAssessments(from: string, to: string): Promise<ScoreChange[]> {
  return call<ScoreChange[]>('compare_assessments', { from, to })
}
