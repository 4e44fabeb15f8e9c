import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import MarkdownExport from './MarkdownExport.svelte'
import { project, settle } from '../../test/fixtures'

function setup(answers: Record<string, (a: Record<string, unknown>) => unknown>) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>
    calls.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    throw `Command ${cmd} not found`
  })
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(MarkdownExport, { target, props: { project: project({ id: 'p1', name: 'Atlas/2' }) } })
  flushSync()
  return { calls, target, app }
}

const $ = (target: HTMLElement, id: string) => target.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)

describe('Markdown export', () => {
  test('asks where, writes the project there, says where it went and opens it', async () => {
    const { calls, target, app } = setup({
      'plugin:dialog|save': () => '/home/pm/Atlas-2',
      export_markdown: () => '/home/pm/Atlas-2.md',
      open_exported: () => null,
    })
    $(target, 'export-markdown')!.click()
    await settle()
    const options = calls.find(([c]) => c === 'plugin:dialog|save')![1].options as Record<string, unknown>
    expect(options.defaultPath).toBe('Atlas-2.md')
    expect(JSON.stringify(options.filters)).toContain('"md"')
    expect(calls.find(([c]) => c === 'export_markdown')![1]).toEqual({ projectId: 'p1', path: '/home/pm/Atlas-2' })
    expect($(target, 'markdown-export-result')!.textContent).toBe('Saved to /home/pm/Atlas-2.md')
    $(target, 'open-markdown-export')!.click()
    await settle()
    expect(calls.at(-1)).toEqual(['open_exported', { path: '/home/pm/Atlas-2.md' }])
    unmount(app)
  })

  test('a cancelled save dialog writes nothing', async () => {
    const { calls, target, app } = setup({ 'plugin:dialog|save': () => null })
    $(target, 'export-markdown')!.click()
    await settle()
    expect(calls.some(([c]) => c === 'export_markdown')).toBe(false)
    expect($(target, 'field-error')).toBeNull()
    unmount(app)
  })

  test('a failed write shows the core message', async () => {
    const { target, app } = setup({
      'plugin:dialog|save': () => '/ro/x.md',
      export_markdown: () => {
        throw { kind: 'io', message: 'file error: Permission denied (os error 13)' }
      },
    })
    $(target, 'export-markdown')!.click()
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('file error: Permission denied (os error 13)')
    unmount(app)
  })
})
