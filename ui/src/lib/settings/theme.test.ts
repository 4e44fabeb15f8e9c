import { describe, expect, test } from 'vitest'
import { applyTheme, saveTheme, storedTheme, THEME_KEY, type ThemeChoice } from './theme'

const root = () => document.documentElement

describe('theme choice', () => {
  test('nothing stored, or something else, means follow the system', () => {
    expect(storedTheme()).toBe('system')
    localStorage.setItem(THEME_KEY, 'sepia')
    expect(storedTheme()).toBe('system')
    localStorage.setItem(THEME_KEY, 'dark')
    expect(storedTheme()).toBe('dark')
  })

  test('unreadable storage falls back to the system', () => {
    const broken = {
      getItem(): string | null {
        throw new Error('SecurityError')
      },
    }
    expect(storedTheme(broken)).toBe('system')
  })

  test('light and dark set data-theme; system removes it', () => {
    applyTheme('dark')
    expect(root().dataset.theme).toBe('dark')
    applyTheme('light')
    expect(root().dataset.theme).toBe('light')
    applyTheme('system')
    expect(root().hasAttribute('data-theme')).toBe(false)
  })

  test('saving applies it and survives a reload (read back from storage)', () => {
    expect(saveTheme('dark')).toBe(true)
    expect(root().dataset.theme).toBe('dark')
    root().removeAttribute('data-theme') // as a fresh window starts
    applyTheme(storedTheme())
    expect(root().dataset.theme).toBe('dark')
    expect(saveTheme('system')).toBe(true)
    expect(localStorage.getItem(THEME_KEY)).toBeNull()
    expect(storedTheme()).toBe('system')
    expect(root().hasAttribute('data-theme')).toBe(false)
  })

  test('a full storage still applies the theme to this window, and says it was not kept', () => {
    const full = {
      setItem() {
        throw new Error('QuotaExceededError')
      },
      removeItem() {},
    }
    expect(saveTheme('light', full)).toBe(false)
    expect(root().dataset.theme).toBe('light')
    applyTheme('system')
  })

  test('an unknown choice is refused and changes nothing', () => {
    saveTheme('dark')
    expect(() => saveTheme('sepia' as ThemeChoice)).toThrow(/Unknown theme/)
    expect(root().dataset.theme).toBe('dark')
    expect(storedTheme()).toBe('dark')
    saveTheme('system')
  })
})
