// The status colours must pass WCAG AA (4.5:1) as text on their tint and on the page, in both
// themes. Read straight from app.css, so changing a colour there is checked here.
import { describe, expect, test } from 'vitest'
import css from '../../app.css?raw'

const darkStart = css.indexOf('@media (prefers-color-scheme: dark)')
const themes = { light: css.slice(0, darkStart), dark: css.slice(darkStart) }

function token(block: string, name: string): string {
  const m = block.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`))
  if (!m) throw new Error(`--${name} not found`)
  return m[1]
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('theme contrast', () => {
  test('the contrast formula matches WCAG on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5)
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5)
  })

  for (const [theme, block] of Object.entries(themes)) {
    for (const status of ['ok', 'warn', 'bad']) {
      test(`${theme}: --${status} is readable on its tint and on the page`, () => {
        const fg = token(block, status)
        expect(contrast(fg, token(block, `${status}-bg`))).toBeGreaterThanOrEqual(4.5)
        expect(contrast(fg, token(block, 'bg'))).toBeGreaterThanOrEqual(4.5)
        expect(contrast(fg, token(block, 'bg-subtle'))).toBeGreaterThanOrEqual(4.5)
      })
    }
    test(`${theme}: body and muted text pass AA`, () => {
      expect(contrast(token(block, 'text'), token(block, 'bg'))).toBeGreaterThanOrEqual(4.5)
      expect(contrast(token(block, 'text-muted'), token(block, 'bg'))).toBeGreaterThanOrEqual(4.5)
      expect(contrast(token(block, 'text-muted'), token(block, 'bg-sidebar'))).toBeGreaterThanOrEqual(4.5)
    })
  }
})
