import { describe, expect, test } from 'vitest'
import { flushSync, mount, tick, unmount } from 'svelte'
import AutoText from './AutoText.svelte'
import CheckpointField from './CheckpointField.svelte'
import { dateShown } from './checkpoint'

describe('a lazy AutoText', () => {
  test('shows its text in a stand-in until focused, then a textarea takes its place, focused, and saves', async () => {
    const saved: string[] = []
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(AutoText, {
      target,
      props: {
        value: 'Runbook reviewed\nalerts page the on-call',
        label: 'Evidence and notes for Security',
        multiline: true,
        lazy: true,
        onsave: (v: string) => saved.push(v),
      },
    })
    flushSync()
    expect(target.querySelector('textarea')).toBeNull()
    const standIn = target.querySelector<HTMLElement>('[role="textbox"]')!
    expect(standIn.textContent).toBe('Runbook reviewed\nalerts page the on-call')
    expect(standIn.getAttribute('aria-label')).toBe('Evidence and notes for Security')
    expect(standIn.tabIndex).toBe(0)
    // As many rows as the textarea will have, so nothing moves when it comes.
    expect(standIn.style.getPropertyValue('--rows')).toBe('2')

    standIn.focus()
    await tick()
    await tick()
    const area = target.querySelector('textarea')!
    expect(area).not.toBeNull()
    expect(target.querySelector('[role="textbox"]')).toBeNull()
    expect(document.activeElement).toBe(area)
    expect(area.value).toBe('Runbook reviewed\nalerts page the on-call')
    expect(area.selectionStart).toBe(area.value.length)

    area.value += ' and a dashboard'
    area.dispatchEvent(new Event('input'))
    area.blur()
    flushSync()
    expect(saved).toEqual(['Runbook reviewed\nalerts page the on-call and a dashboard'])
    unmount(app)
    target.remove()
  })

  test('an empty stand-in shows the placeholder, and a single-line one becomes an input', async () => {
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(AutoText, {
      target,
      props: { value: '', label: 'Owner', placeholder: 'Owner', lazy: true, onsave: () => {} },
    })
    flushSync()
    const standIn = target.querySelector<HTMLElement>('[role="textbox"]')!
    expect(standIn.classList.contains('empty')).toBe(true)
    expect(standIn.dataset.placeholder).toBe('Owner')
    standIn.focus()
    await tick()
    await tick()
    expect(document.activeElement).toBe(target.querySelector('input[type="text"]'))
    unmount(app)
    target.remove()
  })
})

describe('CheckpointField', () => {
  test('shows the date as text until focused, then the date field, focused; a change saves, an emptied one null', async () => {
    const saved: (string | null)[] = []
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(CheckpointField, {
      target,
      props: { value: '2026-12-12', label: 'Next checkpoint for Security', onsave: (v: string | null) => saved.push(v) },
    })
    flushSync()
    expect(target.querySelector('input')).toBeNull()
    const standIn = target.querySelector<HTMLElement>('[role="textbox"]')!
    expect(standIn.textContent?.trim()).toBe(dateShown('2026-12-12'))
    expect(standIn.getAttribute('aria-label')).toBe('Next checkpoint for Security')

    standIn.focus()
    await tick()
    await tick()
    const input = target.querySelector<HTMLInputElement>('input[type="date"]')!
    expect(document.activeElement).toBe(input)
    expect(input.value).toBe('2026-12-12')
    input.value = '2027-01-15'
    input.dispatchEvent(new Event('change', { bubbles: true }))
    input.value = ''
    input.dispatchEvent(new Event('change', { bubbles: true }))
    expect(saved).toEqual(['2027-01-15', null])
    unmount(app)
    target.remove()
  })

  test('no date reads "Set a date"', () => {
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(CheckpointField, { target, props: { value: null, label: 'Next checkpoint', onsave: () => {} } })
    flushSync()
    const standIn = target.querySelector<HTMLElement>('[role="textbox"]')!
    expect(standIn.textContent?.trim()).toBe('Set a date')
    expect(standIn.classList.contains('empty')).toBe(true)
    unmount(app)
    target.remove()
  })
})
