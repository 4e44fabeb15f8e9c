// The stakeholder canvas: stakeholders and their check-ins.

import type { Named, NewStakeholder, Stakeholder, StakeholderEdit, StakeholderRemoval } from './bindings'
import { call } from './call'

export function listStakeholders(projectId: string): Promise<Stakeholder[]> {
  return call<Stakeholder[]>('list_stakeholders', { projectId })
}

export function addStakeholder(projectId: string, stakeholder: NewStakeholder): Promise<Stakeholder> {
  return call<Stakeholder>('add_stakeholder', { projectId, new: stakeholder })
}

export function editStakeholder(id: string, edit: StakeholderEdit): Promise<Stakeholder> {
  return call<Stakeholder>('edit_stakeholder', { id, edit })
}

export function moveStakeholder(id: string, index: number): Promise<Stakeholder[]> {
  return call<Stakeholder[]>('move_stakeholder', { id, index })
}

export function stakeholderRemovalImpact(id: string): Promise<StakeholderRemoval> {
  return call<StakeholderRemoval>('stakeholder_removal_impact', { id })
}

export function removeStakeholder(id: string): Promise<void> {
  return call<void>('remove_stakeholder', { id })
}

/** Records a check-in dated `date` (YYYY-MM-DD), or today when null. */
export function checkIn(stakeholderId: string, date: string | null, note: string): Promise<Stakeholder> {
  return call<Stakeholder>('check_in', { stakeholderId, date, note })
}

export function deleteCheckIn(id: string): Promise<Stakeholder> {
  return call<Stakeholder>('delete_check_in', { id })
}

/** Stakeholder ids and names only: what a goal's picker needs, without check-ins. */
export function stakeholderNames(projectId: string): Promise<Named[]> {
  return call<Named[]>('stakeholder_names', { projectId })
}
