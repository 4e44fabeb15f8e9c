import { beforeEach, describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import JsonExport from './JsonExport.svelte'
import JsonSection from './JsonSection.svelte'
import { projects } from '../projects/projects.svelte'
import { project, settle } from '../../test/fixtures'

type Args = Record<string, unknown>

function calls(answers: Record<string, (a: Args) => unknown>) {
  const list: [string, Args][] = []
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Args
    list.push([cmd, a])
    if (answers[cmd]) return answers[cmd](a)
    throw `Command ${cmd} not found`
  })
  return (cmd: string) => list.filter(([c]) => c === cmd).map(([, a]) => a)
}

const $ = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)

beforeEach(() => {
  projects.all = [project({ id: 'p1', name: 'Atlas/2' })]
})

describe('JSON export', () => {
  test('a project: asks where, writes that project there, says where it went and opens it', async () => {
    const sent = calls({
      'plugin:dialog|save': () => '/home/pm/Atlas-2',
      export_json: () => '/home/pm/Atlas-2.json',
      open_exported: () => null,
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(JsonExport, { target, props: { project: project({ id: 'p1', name: 'Atlas/2' }) } })
    flushSync()
    $(target, 'export-json')!.click()
    await settle()
    const options = sent('plugin:dialog|save')[0].options as Args
    expect(options.defaultPath).toBe('Atlas-2.json')
    expect(JSON.stringify(options.filters)).toContain('"json"')
    expect(sent('export_json')).toEqual([{ projectId: 'p1', path: '/home/pm/Atlas-2' }])
    expect($(target, 'json-export-result')!.textContent).toBe('Saved to /home/pm/Atlas-2.json')
    $(target, 'open-json-export')!.click()
    await settle()
    expect(sent('open_exported')).toEqual([{ path: '/home/pm/Atlas-2.json' }])
    unmount(app)
  })

  test('the whole workspace: sends no project, under the workspace file name', async () => {
    const sent = calls({
      'plugin:dialog|save': () => '/home/pm/northstar-workspace.json',
      export_json: (a) => a.path,
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(JsonSection, { target, props: { onclose: () => {} } })
    flushSync()
    $(target, 'export-workspace-json')!.click()
    await settle()
    expect((sent('plugin:dialog|save')[0].options as Args).defaultPath).toBe('northstar-workspace.json')
    expect(sent('export_json')).toEqual([{ projectId: null, path: '/home/pm/northstar-workspace.json' }])
    expect($(target, 'workspace-json-export-result')!.textContent).toBe('Saved to /home/pm/northstar-workspace.json')
    expect($(target, 'open-workspace-json-export')).not.toBeNull()
    unmount(app)
  })

  test('a cancelled dialog writes nothing; a failed write shows the core message', async () => {
    let path: string | null = null
    const sent = calls({
      'plugin:dialog|save': () => path,
      export_json: () => {
        throw { kind: 'io', message: 'file error: Permission denied (os error 13)' }
      },
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(JsonExport, { target, props: { project: project({ id: 'p1' }) } })
    flushSync()
    $(target, 'export-json')!.click()
    await settle()
    expect(sent('export_json')).toEqual([])
    expect($(target, 'field-error')).toBeNull()
    path = '/ro/x.json'
    $(target, 'export-json')!.click()
    await settle()
    expect($(target, 'field-error')!.textContent).toBe('file error: Permission denied (os error 13)')
    unmount(app)
  })
})
