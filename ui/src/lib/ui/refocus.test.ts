import { afterEach, describe, expect, test } from 'vitest'
import { focusKey, refocus } from './refocus'

afterEach(() => {
  document.body.innerHTML = ''
})

function row(id: string): HTMLElement {
  const el = document.createElement('div')
  el.tabIndex = 0
  el.dataset.testid = 'risk-row'
  el.dataset.riskId = id
  el.dataset.likelihood = '2'
  document.body.appendChild(el)
  return el
}

describe('refocus', () => {
  test('finds a rebuilt row again by its data attributes and focuses it', async () => {
    row('a')
    const b = row('b')
    b.focus()
    const key = focusKey(document.activeElement)
    expect(key).toBe('div[data-testid="risk-row"][data-risk-id="b"]')
    // The page is built again: new elements, focus lost to the body.
    document.body.innerHTML = ''
    const done = refocus(key, 500)
    setTimeout(() => {
      row('a')
      row('b')
    }, 30)
    expect(await done).toBe(true)
    expect((document.activeElement as HTMLElement).dataset.riskId).toBe('b')
  })

  test('leaves the focus alone when the user has moved it meanwhile', async () => {
    const other = document.createElement('button')
    document.body.appendChild(other)
    other.focus()
    const done = refocus('div[data-testid="risk-row"][data-risk-id="b"]', 200)
    row('b')
    expect(await done).toBe(false)
    expect(document.activeElement).toBe(other)
  })

  test('a row is named by its id, not its state; a shared test id alone names nothing', () => {
    const r = row('c')
    expect(focusKey(r)).toBe('div[data-testid="risk-row"][data-risk-id="c"]')
    const chip = () => {
      const c = document.createElement('button')
      c.dataset.testid = 'chip'
      return document.body.appendChild(c)
    }
    const one = chip()
    expect(focusKey(one)).toBe('button[data-testid="chip"]')
    chip()
    expect(focusKey(one)).toBeNull()
  })

  test('has no key for an element without a test id, nor for the body', () => {
    const plain = document.createElement('button')
    document.body.appendChild(plain)
    expect(focusKey(plain)).toBeNull()
    expect(focusKey(document.body)).toBeNull()
  })
})
