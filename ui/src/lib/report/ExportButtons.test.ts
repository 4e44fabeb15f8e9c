import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import ExportButtons from './ExportButtons.svelte'
import { project, settle } from '../../test/fixtures'

function setup(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(ExportButtons, { target, props: { project: project({ id: 'p1', name: 'Atlas/2' }) } })
  flushSync()
  return { calls, target, app }
}

describe('ExportButtons', () => {
  test('asks where to save, writes the PDF on the chosen paper, then offers to open it', async () => {
    const { calls, target, app } = setup({
      default_paper: () => 'letter',
      'plugin:dialog|save': () => '/home/pm/Atlas-2 readiness report.pdf',
      export_pdf: (a) => a.path,
      open_exported: () => null,
    })
    await settle()
    target.querySelector<HTMLButtonElement>('[data-testid="export-full"]')!.click()
    await settle()
    const dialog = calls.find(([c]) => c === 'plugin:dialog|save')![1]
    expect(JSON.stringify(dialog)).toContain('Atlas-2 readiness report.pdf')
    expect(calls.find(([c]) => c === 'export_pdf')![1]).toEqual({
      projectId: 'p1',
      path: '/home/pm/Atlas-2 readiness report.pdf',
      full: true,
      paper: 'letter',
    })
    expect(target.textContent).toContain('Saved Atlas-2 readiness report.pdf')
    target.querySelector<HTMLButtonElement>('[data-testid="open-export"]')!.click()
    await settle()
    expect(calls.at(-1)).toEqual(['open_exported', { path: '/home/pm/Atlas-2 readiness report.pdf' }])
    unmount(app)
  })

  test('a cancelled save dialog writes nothing', async () => {
    const { calls, target, app } = setup({ default_paper: () => 'a4', 'plugin:dialog|save': () => null })
    target.querySelector<HTMLButtonElement>('[data-testid="export-scorecard"]')!.click()
    await settle()
    expect(calls.some(([c]) => c === 'export_pdf')).toBe(false)
    expect(target.querySelector('[data-testid="field-error"]')).toBeNull()
    unmount(app)
  })

  test('a failed export shows the core message', async () => {
    const { target, app } = setup({
      default_paper: () => 'a4',
      'plugin:dialog|save': () => '/ro/x.pdf',
      export_pdf: () => {
        throw { kind: 'io', message: 'file error: Permission denied (os error 13)' }
      },
    })
    target.querySelector<HTMLButtonElement>('[data-testid="export-scorecard"]')!.click()
    await settle()
    expect(target.querySelector('[data-testid="field-error"]')!.textContent).toBe(
      'file error: Permission denied (os error 13)',
    )
    unmount(app)
  })
})
