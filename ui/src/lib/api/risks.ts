// The risk register: the page's first screen in one call, then pages and searches, and edits.
// Rows come a page at a time; a register of 20,000 risks never crosses IPC whole.

import type {
  HeatMap,
  NewRisk,
  Risk,
  RiskChange,
  RiskEdit,
  RiskPage,
  RiskQuery,
  RisksView,
} from './bindings'
import { call } from './call'

/** Heat map, first page for `query`, owners and the goal and stakeholder labels. */
export function risksView(projectId: string, query: RiskQuery): Promise<RisksView> {
  return call<RisksView>('risks_view', { projectId, query })
}

export function listRisks(projectId: string, query: RiskQuery): Promise<RiskPage> {
  return call<RiskPage>('list_risks', { projectId, query })
}

export function riskHeatMap(projectId: string): Promise<HeatMap> {
  return call<HeatMap>('risk_heat_map', { projectId })
}

export function riskOwners(projectId: string): Promise<string[]> {
  return call<string[]>('risk_owners', { projectId })
}

export function getRisk(id: string): Promise<Risk> {
  return call<Risk>('get_risk', { id })
}

/** Every change of likelihood, impact, status and closing note, oldest first. */
export function riskHistory(id: string): Promise<RiskChange[]> {
  return call<RiskChange[]>('risk_history', { id })
}

export function addRisk(projectId: string, risk: NewRisk): Promise<Risk> {
  return call<Risk>('add_risk', { projectId, new: risk })
}

export function editRisk(id: string, edit: RiskEdit): Promise<Risk> {
  return call<Risk>('edit_risk', { id, edit })
}

export function removeRisk(id: string): Promise<void> {
  return call<void>('remove_risk', { id })
}

/** Turns a goal's typed risks & mitigations into a linked risk; the typed text is cleared. */
export function riskFromGoalText(goalId: string): Promise<Risk> {
  return call<Risk>('risk_from_goal_text', { goalId })
}
