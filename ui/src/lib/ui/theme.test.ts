// The colour tokens must pass WCAG AA in both themes: status colours (4.5:1) as text on their
// tint and on the page, body, muted and faint text (4.5:1), the focus ring against every background it
// is drawn on (3:1, WCAG 1.4.11). Read straight from app.css, where each token is one
// `light-dark(<light>, <dark>)` pair, so changing a colour there is checked here.
import { describe, expect, test } from 'vitest'
import css from '../../app.css?raw'

const rootBlock = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')))

function pair(name: string): [string, string] {
  const m = rootBlock.match(new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\)\\s*;`))
  if (!m) throw new Error(`--${name} is not a light-dark() pair of #rrggbb colours`)
  return [m[1], m[2]]
}

const themes = { light: 0, dark: 1 } as const
const token = (theme: keyof typeof themes, name: string) => pair(name)[themes[theme]]

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

  test('a token that is not a pair is reported, not skipped', () => {
    expect(() => pair('space-1')).toThrow(/not a light-dark/)
  })

  for (const theme of ['light', 'dark'] as const) {
    const t = (name: string) => token(theme, name)
    for (const status of ['ok', 'warn', 'bad']) {
      test(`${theme}: --${status} is readable on its tint and on the page`, () => {
        expect(contrast(t(status), t(`${status}-bg`))).toBeGreaterThanOrEqual(4.5)
        expect(contrast(t(status), t('bg'))).toBeGreaterThanOrEqual(4.5)
        expect(contrast(t(status), t('bg-subtle'))).toBeGreaterThanOrEqual(4.5)
      })
    }
    test(`${theme}: body and muted text pass AA`, () => {
      for (const bg of ['bg', 'bg-sidebar', 'bg-subtle', 'bg-hover', 'bg-selected']) {
        expect(contrast(t('text'), t(bg)), `text on ${bg}`).toBeGreaterThanOrEqual(4.5)
        expect(contrast(t('text-muted'), t(bg)), `muted on ${bg}`).toBeGreaterThanOrEqual(4.5)
      }
      // Faint text (hints, dates, counts) is still text: AA on the backgrounds it sits on.
      for (const bg of ['bg', 'bg-sidebar', 'bg-subtle']) {
        expect(contrast(t('text-faint'), t(bg)), `faint on ${bg}`).toBeGreaterThanOrEqual(4.5)
      }
      expect(contrast(t('link'), t('bg'))).toBeGreaterThanOrEqual(4.5)
      expect(contrast(t('accent-text'), t('accent'))).toBeGreaterThanOrEqual(4.5)
    })
    test(`${theme}: the focus ring stands out from every background (3:1)`, () => {
      for (const bg of ['bg', 'bg-sidebar', 'bg-subtle', 'bg-input', 'bg-selected']) {
        expect(contrast(t('focus'), t(bg)), `focus on ${bg}`).toBeGreaterThanOrEqual(3)
      }
    })
  }
})

describe('theme switch', () => {
  test('the palette is written once: no colour token is redefined under a media query', () => {
    const media = css.match(/@media[^{]*\{[^@]*?\}\s*\}/g) ?? []
    for (const block of media) expect(block).not.toMatch(/--(bg|text|ok|warn|bad|focus)[\w-]*:/)
  })

  test('the system decides unless data-theme says light or dark', () => {
    expect(rootBlock).toMatch(/color-scheme:\s*light dark;/)
    expect(css).toMatch(/:root\[data-theme='light'\]\s*\{\s*color-scheme:\s*light;\s*\}/)
    expect(css).toMatch(/:root\[data-theme='dark'\]\s*\{\s*color-scheme:\s*dark;\s*\}/)
  })
})
