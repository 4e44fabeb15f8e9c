import { describe, expect, test } from 'vitest'
import type { ImportPlan, RowCounts, TablePlan } from '../api/bindings'
import {
  areaWords,
  backedUpLine,
  checkSummary,
  fileName,
  folderOf,
  importedWords,
  jsonImportedLine,
  jsonPreviewLine,
  planTotals,
  restoredAreas,
  sameName,
  sizeWords,
  tableWords,
  takenWords,
} from './words'
import { csvFileName, jsonFileName, markdownFileName } from '../api/data'

const counts = (rows: [string, string, number][]): RowCounts => ({
  areas: rows.map(([table, label, live]) => ({ table, label, rows: live, live })),
})

describe('backup words', () => {
  test('when a backup was taken, in words', () => {
    expect(takenWords('2026-11-25T09:12:30', '2026-11-25')).toBe('Today 09:12')
    expect(takenWords('2026-11-24T18:40:00', '2026-11-25')).toBe('Yesterday 18:40')
    expect(takenWords('2026-03-01T23:59:00', '2026-03-02')).toBe('Yesterday 23:59')
    expect(takenWords('2025-11-25T09:12:00', '2026-11-25')).toBe('25 Nov 2025 09:12')
  })

  test('sizes as file managers show them', () => {
    expect(sizeWords(1)).toBe('1 byte')
    expect(sizeWords(820)).toBe('820 bytes')
    expect(sizeWords(48_200)).toBe('48 KB')
    expect(sizeWords(512_000)).toBe('0.5 MB')
    expect(sizeWords(12_345_678)).toBe('12.3 MB')
  })

  test('the backed-up line names the main areas, one and many', () => {
    const c = counts([
      ['projects', 'projects', 1],
      ['pillars', 'pillars', 24],
      ['goals', 'goals', 0],
      ['stakeholders', 'stakeholders', 1],
      ['changes', 'history entries', 300],
    ])
    expect(backedUpLine({ path: '/b/x.db', bytes: 512_000, schema: 9, counts: c })).toBe(
      'Backed up: 1 project, 24 pillars, 1 stakeholder (0.5 MB).',
    )
    expect(restoredAreas(c).map((a) => a.table)).toEqual(['projects', 'pillars', 'stakeholders'])
  })

  test('paths on any OS', () => {
    expect(fileName('/home/pm/backups/northstar-2026.db')).toBe('northstar-2026.db')
    expect(fileName('C:\\Users\\pm\\a.db')).toBe('a.db')
    expect(folderOf('/home/pm/backups/x.db')).toBe('/home/pm/backups/')
    expect(folderOf('x.db')).toBe('')
    expect(markdownFileName('Atlas/2: v0')).toBe('Atlas-2- v0.md')
  })

  test('the check in one line', () => {
    expect(checkSummary({ ok: true, items: [] })).toBe('Everything checks out.')
    expect(
      checkSummary({
        ok: false,
        items: [
          { name: 'Integrity', ok: false, detail: 'x' },
          { name: 'Foreign keys', ok: true, detail: '' },
        ],
      }),
    ).toBe('1 problem found.')
  })
})

describe('import words', () => {
  const table = (over: Partial<TablePlan>): TablePlan => ({
    file: 'a.md',
    line: 1,
    kind: 'table',
    heading: [],
    area: 'pillars',
    columns: [],
    unrecognised: [],
    rows: [],
    skipped: [],
    note: '',
    ...over,
  })

  test('what a table becomes', () => {
    expect(areaWords('pillars')).toBe('scorecard pillars')
    expect(areaWords('goals')).toBe('North Star goals')
    expect(areaWords('snapshot')).toBe('compliance snapshot')
    expect(areaWords('reviews')).toBe('review history')
    expect(areaWords(null)).toBe('not imported')
  })

  test('totals', () => {
    const plan: ImportPlan = { tables: [table({}), table({ line: 9 })], creates: 12, skips: 2 }
    expect(planTotals(plan)).toBe('12 rows to create, 2 skipped, from 2 tables.')
    expect(planTotals({ tables: [table({})], creates: 1, skips: 0 })).toBe('1 row to create, from 1 table.')
    expect(planTotals({ tables: [], creates: 0, skips: 0 })).toContain('No tables')
  })

  test('what an import did per area', () => {
    expect(importedWords({ area: 'pillars', created: 3, updated: 2, kept: 1 })).toBe(
      '3 created, 2 filled in and 1 already there',
    )
    expect(importedWords({ area: 'goals', created: 0, updated: 0, kept: 4 })).toBe('4 already there')
    expect(importedWords({ area: 'goals', created: 0, updated: 0, kept: 0 })).toBe('nothing to change')
  })

  test('project names compare without case or outer spaces', () => {
    expect(sameName(' atlas ', 'Atlas')).toBe(true)
    expect(sameName('Ürsa', 'ürsa')).toBe(true)
    expect(sameName('Atlas 2', 'Atlas')).toBe(false)
  })
})

describe('JSON words', () => {
  test('file names start with the project name, made safe', () => {
    expect(jsonFileName('Atlas/2: v1')).toBe('Atlas-2- v1.json')
    expect(csvFileName('Atlas', 'Data inventory')).toBe('Atlas – Data inventory.csv')
    expect(csvFileName('', 'Risks')).toBe('Project – Risks.csv')
  })

  test('tables by what they hold, unknown ones by their own name', () => {
    expect(tableWords('goal_readings')).toBe('goal readings')
    expect(tableWords('project_regulations')).toBe('regulations in scope')
    expect(tableWords('new_things')).toBe('new things')
  })

  test('the preview and import lines', () => {
    const tables = [
      { table: 'projects', rows: 2 },
      { table: 'risks', rows: 1232 },
    ]
    const two = [
      { id: 'a', name: 'Atlas' },
      { id: 'b', name: 'Borealis' },
    ]
    expect(jsonPreviewLine(two, tables)).toBe('The file holds 2 projects: “Atlas” and “Borealis”: 1,234 rows in 2 tables.')
    expect(jsonPreviewLine([], [])).toBe('The file holds no project: 0 rows in 0 tables.')
    expect(jsonImportedLine(two.slice(0, 1), [{ table: 'projects', rows: 1 }], false)).toBe('Imported “Atlas”: 1 row.')
    expect(jsonImportedLine(two, tables, true)).toBe('Imported 2 projects: “Atlas” and “Borealis”: 1,234 rows, with new ids.')
  })
})
