// Owning the data: backups, restore, the workspace check, Markdown import (plan, then apply),
// Markdown, JSON and CSV exports and JSON import, with the system file dialogs they start from.

import { open, save } from '@tauri-apps/plugin-dialog'
import type {
  BackupFile,
  BackupInfo,
  CheckReport,
  CsvFilter,
  CsvTable,
  ImportPlan,
  ImportReport,
  JsonImportOptions,
  JsonImportPreview,
  JsonImportReport,
  RestoreReport,
} from './bindings'
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

/** Writes one project (null: the whole workspace) as JSON; resolves with the path written. */
export const exportJson = (projectId: string | null, path: string) => call<string>('export_json', { projectId, path })

/** What importing the file would do (name clashes, ids already here); nothing is written. */
export const previewJsonImport = (path: string, options: JsonImportOptions) =>
  call<JsonImportPreview>('preview_json_import', { path, options })

/** All of the file or nothing; refused (kind 'conflict') while a name clashes or ids are here. */
export const importJson = (path: string, options: JsonImportOptions) =>
  call<JsonImportReport>('import_json', { path, options })

/** Writes one list of a project, as filtered on screen; resolves with the path written. */
export const exportCsv = (projectId: string, table: CsvTable, filter: CsvFilter, path: string) =>
  call<string>('export_csv', { projectId, table, filter, path })

export const WORKSPACE_JSON_NAME = 'northstar-workspace.json'

export function jsonFileName(projectName: string): string {
  return `${safeFileStem(projectName)}.json`
}

/** "Atlas – Risks.csv". */
export function csvFileName(projectName: string, list: string): string {
  return `${safeFileStem(projectName)} – ${list}.csv`
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

/** Where to write a JSON export; null when cancelled. */
export function chooseJsonPath(defaultName: string): Promise<string | null> {
  return dialog(() =>
    save({ title: 'Export JSON', defaultPath: defaultName, filters: [{ name: 'Northstar JSON', extensions: ['json'] }] }),
  )
}

/** The Northstar JSON file to import; null when cancelled. */
export function chooseJsonFile(): Promise<string | null> {
  return dialog(() =>
    open({
      title: 'Import a Northstar JSON file',
      multiple: false,
      directory: false,
      filters: [{ name: 'Northstar JSON', extensions: ['json'] }],
    }),
  )
}

/** Where to write a CSV export; null when cancelled. */
export function chooseCsvPath(defaultName: string): Promise<string | null> {
  return dialog(() =>
    save({ title: 'Export CSV', defaultPath: defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] }),
  )
}
