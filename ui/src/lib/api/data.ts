// Owning the data: backups, restore, the workspace check, Markdown import (plan, then apply) and
// Markdown export, with the system file dialogs they start from.

import { open, save } from '@tauri-apps/plugin-dialog'
import type { BackupFile, BackupInfo, CheckReport, ImportPlan, ImportReport, RestoreReport } from './bindings'
import { call, toApiError } from './call'
import { safeFileStem } from './report'

export { openExported } from './report'

export const backupNow = () => call<BackupInfo>('backup_now', {})

/** Newest first. */
export const listBackups = () => call<BackupFile[]>('list_backups', {})

/** Replaces the whole workspace; the core backs up the current one first and refuses a file
 *  that is not a Northstar workspace (nothing changes then). */
export const restoreBackup = (path: string) => call<RestoreReport>('restore_backup', { path })

/** A mark that changes on every restore, from this window or from `northstar restore`. */
export const lastRestore = () => call<string | null>('last_restore', {})

export const checkWorkspace = () => call<CheckReport>('check_workspace', {})

/** Reads the files and says what importing them would do; nothing is written. */
export const planMarkdownImport = (paths: string[]) => call<ImportPlan>('plan_markdown_import', { paths })

/** Writes the plan last previewed (the core keeps it) into the project of that name, made when
 *  none has it. */
export const applyMarkdownImport = (project: string) => call<ImportReport>('apply_markdown_import', { project })

/** Writes the project as Markdown and resolves with the path actually written. */
export const exportMarkdown = (projectId: string, path: string) =>
  call<string>('export_markdown', { projectId, path })

export function markdownFileName(projectName: string): string {
  return `${safeFileStem(projectName)}.md`
}

// The dialogs reject with plain strings; as ApiErrors they show like every other failure.
async function dialog<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    throw toApiError(e)
  }
}

/** One workspace file to restore from; null when cancelled. */
export function chooseBackupFile(defaultPath?: string): Promise<string | null> {
  return dialog(() =>
    open({
      title: 'Restore from a backup',
      defaultPath,
      multiple: false,
      directory: false,
      filters: [{ name: 'Northstar workspace', extensions: ['db'] }],
    }),
  )
}

/** Worksheets to import; null (or empty) when cancelled. */
export function chooseMarkdownFiles(): Promise<string[] | null> {
  return dialog(() =>
    open({
      title: 'Import Markdown worksheets',
      multiple: true,
      directory: false,
      filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }],
    }),
  )
}

/** Where to write the Markdown export; null when cancelled. */
export function chooseMarkdownPath(defaultName: string): Promise<string | null> {
  return dialog(() =>
    save({
      title: 'Export Markdown',
      defaultPath: defaultName,
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    }),
  )
}
