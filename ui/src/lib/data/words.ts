// Words the workspace dialog and the exports show, kept here so they read the same
// everywhere and are tested. Backup times are the core's local `YYYY-MM-DDTHH:MM:SS`, read as
// plain numbers (never through `new Date`, which would move them by the time zone).

import type {
  AreaCount,
  BackupInfo,
  CheckReport,
  ImportArea,
  ImportAreaCount,
  ImportPlan,
  ImportedProject,
  RowCounts,
  TableCount,
} from '../api/bindings'
import { addDays } from '../agenda/words'
import { listWords, plural } from '../projects/words'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Today 09:12", "Yesterday 18:40", "25 Nov 2026 09:12". `today` is YYYY-MM-DD. */
export function takenWords(takenAt: string, today: string): string {
  const day = takenAt.slice(0, 10)
  const time = takenAt.slice(11, 16)
  if (day === today) return `Today ${time}`
  if (day === addDays(today, -1)) return `Yesterday ${time}`
  const [y, m, d] = day.split('-').map(Number)
  return `${d} ${MONTHS[m - 1]} ${y} ${time}`
}

/** "820 bytes", "48 KB", "0.5 MB", "12.3 MB" (decimal units, as file managers show them). */
export function sizeWords(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte')
  if (bytes < 100_000) return `${Math.round(bytes / 1000)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/** The last part of a path, whichever separator the OS uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

/** The folder a path is in, with its trailing separator; '' when it has none. */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return i < 0 ? '' : path.slice(0, i + 1)
}

// The areas a one-line summary names; the core's labels are plural only.
const HEADLINE: readonly [table: string, one: string][] = [
  ['projects', 'project'],
  ['pillars', 'pillar'],
  ['goals', 'goal'],
  ['stakeholders', 'stakeholder'],
  ['risks', 'risk'],
]

function headline(counts: RowCounts): string[] {
  return HEADLINE.flatMap(([table, one]) => {
    const a = counts.areas.find((c) => c.table === table)
    if (!a || (a.live === 0 && table !== 'projects')) return []
    return [plural(a.live, one, a.label)]
  })
}

/** "Backed up: 3 projects, 24 pillars, 5 goals (0.5 MB)." */
export function backedUpLine(info: BackupInfo): string {
  return `Backed up: ${headline(info.counts).join(', ')} (${sizeWords(info.bytes)}).`
}

/** The areas worth listing after a restore: those with rows, the history left out (it counts
 *  every edit, which says nothing about what came back). */
export function restoredAreas(counts: RowCounts): AreaCount[] {
  return counts.areas.filter((a) => a.live > 0 && a.table !== 'changes')
}

export function restoreQuestion(what: string): string {
  return `Replace the whole workspace with the backup from ${what}? The workspace as it is now is backed up first.`
}

export function checkSummary(report: CheckReport): string {
  if (report.ok) return 'Everything checks out.'
  const n = report.items.filter((i) => !i.ok).length
  return `${plural(n, 'problem')} found.`
}

/** What each kind of table becomes, in the words of the worksheets. */
export const AREA_LABEL: Readonly<Record<ImportArea, string>> = {
  project: 'project fields',
  pillars: 'scorecard pillars',
  goals: 'North Star goals',
  stakeholders: 'stakeholders',
  risks: 'risks',
  compliance_scan: 'compliance scan',
  snapshot: 'compliance snapshot',
  data_inventory: 'data inventory',
  triggers: 'regulatory triggers',
  vendors: 'vendors',
  controls: 'controls',
  reviews: 'review history',
}

export function areaWords(area: ImportArea | null): string {
  return area ? AREA_LABEL[area] : 'not imported'
}

/** "12 rows to create, 2 skipped, from 4 tables." */
export function planTotals(plan: ImportPlan): string {
  const tables = plan.tables.length
  if (tables === 0) return 'No tables, checklists or “Key: value” lines were found in these files.'
  const skipped = plan.skips > 0 ? `, ${plan.skips} skipped` : ''
  return `${plural(plan.creates, 'row')} to create${skipped}, from ${plural(tables, 'table')}.`
}

/** "12 created, 2 filled in and 1 already there". */
export function importedWords(c: ImportAreaCount): string {
  const parts = [
    c.created > 0 ? `${c.created} created` : '',
    c.updated > 0 ? `${c.updated} filled in` : '',
    c.kept > 0 ? `${c.kept} already there` : '',
  ].filter(Boolean)
  return parts.length ? listWords(parts) : 'nothing to change'
}

/** A project name as the user typed it, compared the way names are kept apart in a workspace. */
export function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0
}

// A Northstar JSON file's tables, named as the app names what they hold; a table added later
// shows by its own name until it gets words here.
const TABLE_LABEL: Readonly<Record<string, string>> = {
  projects: 'projects',
  pillars: 'scorecard pillars',
  assessments: 'assessments',
  assessment_scores: 'assessment scores',
  goals: 'goals',
  goal_readings: 'goal readings',
  stakeholders: 'stakeholders',
  stakeholder_check_ins: 'stakeholder check-ins',
  goal_stakeholders: 'goal–stakeholder links',
  first_week_ticks: 'first-week ticks',
  risks: 'risks',
  risk_goals: 'risk–goal links',
  risk_stakeholders: 'risk–stakeholder links',
  compliance_notes: 'compliance notes',
  project_regulations: 'regulations in scope',
  scan_rows: 'compliance scan rows',
  data_inventory: 'data inventory rows',
  compliance_triggers: 'regulatory triggers',
  vendors: 'vendors',
  controls: 'controls',
  compliance_questions: 'questions to revisit',
  compliance_reviews: 'compliance reviews',
  agenda_marks: 'agenda marks',
}

export function tableWords(table: string): string {
  return TABLE_LABEL[table] ?? table.replaceAll('_', ' ')
}

/** "1 row", "1,234 rows". */
export function rowWords(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`
}

export function rowTotal(tables: readonly TableCount[]): number {
  return tables.reduce((n, t) => n + t.rows, 0)
}

/** "“Atlas”", "3 projects: “A”, “B” and “C”". */
export function projectsWords(list: readonly ImportedProject[]): string {
  const names = listWords(list.map((p) => `“${p.name}”`))
  if (list.length === 0) return 'no project'
  return list.length === 1 ? names : `${list.length} projects: ${names}`
}

/** "The file holds “Atlas”: 412 rows in 9 tables." */
export function jsonPreviewLine(projects: readonly ImportedProject[], tables: readonly TableCount[]): string {
  return `The file holds ${projectsWords(projects)}: ${rowWords(rowTotal(tables))} in ${plural(tables.length, 'table')}.`
}

/** "Imported “Atlas (copy)”: 412 rows, with new ids." */
export function jsonImportedLine(projects: readonly ImportedProject[], tables: readonly TableCount[], remapped: boolean): string {
  return `Imported ${projectsWords(projects)}: ${rowWords(rowTotal(tables))}${remapped ? ', with new ids' : ''}.`
}
