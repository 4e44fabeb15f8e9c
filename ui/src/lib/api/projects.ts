// Projects: list, create, edit field by field, archive, delete.

import type { DeletionImpact, FirstScreen, NewProject, Project, ProjectEdit } from './bindings'
import { call } from './call'
import { earlyFirstScreen } from './early'

export function listProjects(): Promise<Project[]> {
  return call<Project[]>('list_projects')
}

/** The launch in one call: the projects, the one that opens (`remembered` if still there) and,
 *  when `scorecard`, its scorecard. */
export function firstScreen(remembered: string | null, scorecard: boolean): Promise<FirstScreen> {
  return earlyFirstScreen(remembered, scorecard) ?? call<FirstScreen>('first_screen', { remembered, scorecard })
}

export function createProject(project: NewProject): Promise<Project> {
  return call<Project>('create_project', { new: project })
}

export function editProject(id: string, edit: ProjectEdit): Promise<Project> {
  return call<Project>('edit_project', { id, edit })
}

export function setProjectArchived(id: string, archived: boolean): Promise<Project> {
  return call<Project>('set_project_archived', { id, archived })
}

export function projectDeletionImpact(id: string): Promise<DeletionImpact> {
  return call<DeletionImpact>('project_deletion_impact', { id })
}

export function deleteProject(id: string): Promise<void> {
  return call<void>('delete_project', { id })
}
