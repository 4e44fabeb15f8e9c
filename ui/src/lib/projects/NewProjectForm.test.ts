import { describe, expect, test, vi } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import NewProjectForm from './NewProjectForm.svelte'
import { project, settle } from '../../test/fixtures'

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = []
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>])
    return handler(cmd, args as Record<string, unknown>)
  })
  const oncreated = vi.fn()
  const oncancel = vi.fn()
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(NewProjectForm, { target, props: { oncreated, oncancel } })
  flushSync()
  const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`)
  return { calls, oncreated, oncancel, app, target, q }
}

describe('NewProjectForm', () => {
  test('an empty name shows the core message next to the name field and creates nothing', async () => {
    const { calls, oncreated, q, app } = setup((cmd) => {
      if (cmd === 'create_project') throw { kind: 'invalid', message: 'A project name is required.', field: 'name' }
      return []
    })
    q<HTMLButtonElement>('save-project')!.click()
    await settle()
    const error = q<HTMLElement>('field-error')
    expect(error?.textContent).toBe('A project name is required.')
    // Beside the name field, and tied to it for screen readers.
    const input = q<HTMLInputElement>('project-name-input')!
    expect(input.parentElement!.contains(error)).toBe(true)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe(error!.id)
    expect(oncreated).not.toHaveBeenCalled()
    expect(calls.filter(([c]) => c === 'create_project')).toHaveLength(1)
    unmount(app)
  })

  test('Enter saves with the fields typed and the pillar sets ticked', async () => {
    const { calls, oncreated, q, target, app } = setup((cmd) => (cmd === 'create_project' ? project({ name: 'Atlas' }) : []))
    const input = q<HTMLInputElement>('project-name-input')!
    input.value = 'Atlas'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const boxes = target.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')
    expect(boxes).toHaveLength(2)
    boxes[1].click()
    flushSync()
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    const create = calls.find(([c]) => c === 'create_project')![1]
    expect(create.new).toMatchObject({ name: 'Atlas', pillar_sets: ['readiness_checklist'] })
    expect(oncreated).toHaveBeenCalledWith(expect.objectContaining({ name: 'Atlas' }))
    unmount(app)
  })

  test('an error about another field shows beside that field', async () => {
    const { q, target, app } = setup((cmd) => {
      if (cmd === 'create_project') throw { kind: 'invalid', message: 'The North Star can be at most 500 characters.', field: 'north_star' }
      return []
    })
    q<HTMLButtonElement>('save-project')!.click()
    await settle()
    const ns = target.querySelector<HTMLInputElement>('input[aria-invalid="true"]')!
    expect(ns).not.toBe(q('project-name-input'))
    expect(ns.parentElement!.querySelector('[data-testid="field-error"]')!.textContent).toMatch(/at most 500/)
    unmount(app)
  })
})
