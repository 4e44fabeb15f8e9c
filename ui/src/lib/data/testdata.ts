// Answers shaped like the core's for the workspace dialog's tests.

import type {
  BackupFile,
  BackupInfo,
  CheckReport,
  ImportPlan,
  ImportReport,
  RestoreReport,
  RowCounts,
  TablePlan,
} from '../api/bindings'

export const DIR = '/home/pm/.local/share/northstar/backups/'

export function counts(projects = 3): RowCounts {
  const area = (table: string, label: string, live: number) => ({ table, label, rows: live, live })
  return {
    areas: [
      area('projects', 'projects', projects),
      area('pillars', 'pillars', 24),
      area('goals', 'goals', 5),
      area('stakeholders', 'stakeholders', 0),
      area('risks', 'risks', 6),
      area('changes', 'history entries', 412),
    ],
  }
}

export function backupFile(name: string, takenAt: string, over: Partial<BackupFile> = {}): BackupFile {
  return { path: DIR + name, name, kind: 'regular', taken_at: takenAt, bytes: 512_000, ...over }
}

export const backupInfo = (): BackupInfo => ({
  path: `${DIR}northstar-2026-11-25-091200.db`,
  bytes: 512_000,
  schema: 9,
  counts: counts(),
})

export const restoreReport = (from: string): RestoreReport => ({
  from,
  schema_from: 7,
  migrated: true,
  before_restore: `${DIR}northstar-2026-11-25-091500-before-restore.db`,
  projects: 2,
  counts: counts(2),
})

export const checkReport = (): CheckReport => ({
  ok: false,
  items: [
    { name: 'Integrity', ok: true, detail: 'The database passed SQLite’s integrity check.' },
    { name: 'Foreign keys', ok: true, detail: 'Every link points at a row that exists.' },
    { name: 'Newest backup', ok: false, detail: 'northstar-2026-11-24.db could not be opened: file is not a database' },
  ],
})

export function table(over: Partial<TablePlan>): TablePlan {
  return {
    file: 'readiness.md',
    line: 3,
    kind: 'table',
    heading: ['Production Readiness', 'Scorecard'],
    area: 'pillars',
    columns: ['Pillar', 'Score'],
    unrecognised: [],
    rows: [],
    skipped: [],
    note: '',
    ...over,
  }
}

const pillarRow = (line: number, name: string, notes: string[] = []) => ({
  line,
  label: name,
  notes,
  row: { type: 'pillar' as const, name, score: 3, target: null, evidence: '', owner: '', next_checkpoint: null },
})

export function importPlan(): ImportPlan {
  return {
    tables: [
      table({
        unrecognised: ['Trend'],
        rows: [pillarRow(5, 'Reliability', ['status “In progress” read as score 3 of target 4']), pillarRow(6, 'Security')],
        skipped: [{ line: 7, label: 'Pillar X', reason: 'The score “seven” is not a number from 1 to 5.' }],
      }),
      table({
        file: 'notes.md',
        line: 40,
        heading: ['Compliance Notes – Template', 'Glossary'],
        area: null,
        note: 'Northstar has no place for a glossary.',
      }),
    ],
    creates: 2,
    skips: 1,
  }
}

export const importReport = (name: string, created: boolean): ImportReport => ({
  project_id: created ? 'p-new' : 'p1',
  project_name: name,
  project_created: created,
  areas: [
    { area: 'pillars', created: 1, updated: 0, kept: 1 },
    { area: 'goals', created: 0, updated: 0, kept: 0 },
  ],
  notes: ['readiness.md, line 5: a pillar called “Reliability” is already there'],
})
