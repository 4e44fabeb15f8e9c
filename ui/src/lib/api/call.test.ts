import { describe, expect, test } from 'vitest'
import { mockIPC } from '@tauri-apps/api/mocks'
import { ApiError, call, messageOf, toApiError } from './call'
import { createProject, editProject } from './projects'
import { editPillar, getScorecard, recordAssessment } from './scorecard'
import { exportFileName, exportPdf } from './report'

describe('toApiError', () => {
  test('keeps the kind, message and field of a core error', () => {
    const e = toApiError({ kind: 'invalid', message: 'A project name is required.', field: 'name' })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.kind).toBe('invalid')
    expect(e.message).toBe('A project name is required.')
    expect(e.field).toBe('name')
  })

  test('an error without a field has none', () => {
    const e = toApiError({ kind: 'not_found', message: 'project not found: x' })
    expect(e.kind).toBe('not_found')
    expect(e.field).toBeUndefined()
  })

  test('a bare string from the bridge becomes an ipc error with that text', () => {
    const e = toApiError('Command export_pdf not found')
    expect(e.kind).toBe('ipc')
    expect(e.message).toBe('Command export_pdf not found')
  })

  test('an object that is not a core error is not taken for one', () => {
    expect(toApiError({ kind: 'weird', message: 'x' }).kind).toBe('ipc')
    expect(toApiError(new TypeError('boom')).message).toBe('boom')
    expect(toApiError(undefined).message).toMatch(/could not reach/)
    expect(messageOf(null)).toMatch(/could not reach/)
  })
})

describe('command wrappers', () => {
  test('reject with an ApiError carrying the field the core named', async () => {
    mockIPC(() => {
      throw { kind: 'invalid', message: 'A project name is required.', field: 'name' }
    })
    const err = await createProject({ name: ' ', description: '', north_star: '', leading_metric: '', pillar_sets: [] }).catch(
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).field).toBe('name')
    expect((err as ApiError).message).toBe('A project name is required.')
  })

  test('send the argument names the Rust commands take', async () => {
    const seen: [string, unknown][] = []
    mockIPC((cmd, args) => {
      seen.push([cmd, args])
      return cmd === 'export_pdf' ? '/tmp/x.pdf' : null
    })
    await createProject({ name: 'A', description: '', north_star: '', leading_metric: '', pillar_sets: ['four_pillars'] })
    await editProject('p1', { field: 'name', value: 'B' })
    await getScorecard('p1')
    await editPillar('x', { field: 'score', value: 3 })
    await recordAssessment('p1', 'Day 0', '2026-01-05')
    await expect(exportPdf('p1', '/tmp/x.pdf', true, 'letter')).resolves.toBe('/tmp/x.pdf')
    expect(seen).toEqual([
      ['create_project', { new: { name: 'A', description: '', north_star: '', leading_metric: '', pillar_sets: ['four_pillars'] } }],
      ['edit_project', { id: 'p1', edit: { field: 'name', value: 'B' } }],
      ['get_scorecard', { projectId: 'p1' }],
      ['edit_pillar', { id: 'x', edit: { field: 'score', value: 3 } }],
      ['record_assessment', { projectId: 'p1', label: 'Day 0', date: '2026-01-05' }],
      ['export_pdf', { projectId: 'p1', path: '/tmp/x.pdf', full: true, paper: 'letter' }],
    ])
  })

  test('resolve with the command value', async () => {
    mockIPC(() => 42)
    await expect(call<number>('anything')).resolves.toBe(42)
  })
})

describe('exportFileName', () => {
  test('names the file after the project, without characters a file system refuses', () => {
    expect(exportFileName('LaunchPad – v0 Readiness', false)).toBe('LaunchPad – v0 Readiness scorecard.pdf')
    expect(exportFileName('a/b:c', true)).toBe('a-b-c readiness report.pdf')
    expect(exportFileName('...', false)).toBe('Project scorecard.pdf')
  })
})
