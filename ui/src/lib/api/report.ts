// PDF exports: ask where to save, write the file through the core, open it in the system viewer.

import { save } from '@tauri-apps/plugin-dialog'
import type { Paper } from './bindings'
import { call, toApiError } from './call'

export type { Paper }

/** The paper exports offer first: the one last chosen, else the system locale's. */
export function defaultPaper(): Promise<Paper> {
  return call<Paper>('default_paper')
}

/** Makes `paper` the one exports offer first (Settings). */
export function setDefaultPaper(paper: Paper): Promise<Paper> {
  return call<Paper>('set_default_paper', { paper })
}

/** Writes the PDF and resolves with the path actually written. */
export function exportPdf(projectId: string, path: string, full: boolean, paper: Paper): Promise<string> {
  return call<string>('export_pdf', { projectId, path, full, paper })
}

export function openExported(path: string): Promise<void> {
  return call<void>('open_exported', { path })
}

/** A project name as the start of a file name safe on every OS: path separators and reserved
 *  characters become dashes. */
export function safeFileStem(projectName: string): string {
  const safe = projectName
    .replace(/[/\\:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return safe || 'Project'
}

export function exportFileName(projectName: string, full: boolean): string {
  return `${safeFileStem(projectName)} ${full ? 'readiness report' : 'scorecard'}.pdf`
}

/** Asks where to save; resolves with null when the user cancels. */
export async function choosePdfPath(defaultName: string): Promise<string | null> {
  try {
    return await save({
      title: 'Export PDF',
      defaultPath: defaultName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    })
  } catch (e) {
    throw toApiError(e)
  }
}
