// North Star alignment: goals, their readings, and the goal the leading metric follows.

import type { Goal, GoalEdit, Named, NewGoal } from './bindings'
import { call } from './call'

export function listGoals(projectId: string): Promise<Goal[]> {
  return call<Goal[]>('list_goals', { projectId })
}

/** The goal the project's leading metric follows, or null. */
export function leadingGoal(projectId: string): Promise<Goal | null> {
  return call<Goal | null>('leading_goal', { projectId })
}

export function addGoal(projectId: string, goal: NewGoal): Promise<Goal> {
  return call<Goal>('add_goal', { projectId, new: goal })
}

export function editGoal(id: string, edit: GoalEdit): Promise<Goal> {
  return call<Goal>('edit_goal', { id, edit })
}

export function moveGoal(id: string, index: number): Promise<Goal[]> {
  return call<Goal[]>('move_goal', { id, index })
}

export function removeGoal(id: string): Promise<void> {
  return call<void>('remove_goal', { id })
}

/** Adds a reading dated `date` (YYYY-MM-DD), or today when null. */
export function addReading(goalId: string, value: number, date: string | null): Promise<Goal> {
  return call<Goal>('add_reading', { goalId, value, date })
}

export function deleteReading(id: string): Promise<Goal> {
  return call<Goal>('delete_reading', { id })
}

/** Goal ids and texts only: the labels another page needs, without readings. */
export function goalNames(projectId: string): Promise<Named[]> {
  return call<Named[]>('goal_names', { projectId })
}
