import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import TrendChart from './TrendChart.svelte'
import { assessment } from '../../test/fixtures'

const assessments = [
  assessment('a', '2026-01-05', [['Security', 1], ['<b>Reliability</b>', 2]], 'Day 0'),
  assessment('b', '2026-02-01', [['Security', 3], ['<b>Reliability</b>', 2]], 'v0.2'),
]
const pillars = [
  { id: 'pl-Security', name: 'Security' },
  { id: 'pl-<b>Reliability</b>', name: '<b>Reliability</b>' },
]

function render() {
  const target = document.body.appendChild(document.createElement('div'))
  const app = mount(TrendChart, { target, props: { assessments, pillars } })
  flushSync()
  return { target, app, svg: target.querySelector<SVGSVGElement>('[data-testid="trend-chart"]')! }
}

describe('TrendChart', () => {
  test('one SVG: a line per pillar plus the bold overall line, a dot per assessment', () => {
    const { target, app, svg } = render()
    expect(target.querySelectorAll('svg[data-testid="trend-chart"]')).toHaveLength(1)
    expect(svg.querySelectorAll('.series path')).toHaveLength(2)
    expect(svg.querySelectorAll('path.overall')).toHaveLength(1)
    expect(svg.querySelectorAll('circle.dot')).toHaveLength(2)
    expect(svg.dataset.points).toBe('2')
    unmount(app)
  })

  test('keyboard focus shows the values of a point, as a tooltip and as accessible text', () => {
    const { target, app, svg } = render()
    svg.dispatchEvent(new FocusEvent('focus'))
    flushSync()
    expect(svg.getAttribute('aria-valuetext')).toBe('v0.2 (2026-02-01): overall 2.5; Security 3, <b>Reliability</b> 2.')
    expect(target.querySelector('.tip')!.textContent).toContain('v0.2')
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
    flushSync()
    expect(svg.getAttribute('aria-valuetext')).toMatch(/^Day 0 \(2026-01-05\): overall 1.5; Security 1/)
    expect(target.querySelector('.tip')!.textContent).toContain('Day 0')
    // Names are text, never markup.
    expect(target.querySelector('.tip b')).toBeNull()
    expect(target.querySelector('.tip')!.textContent).toContain('<b>Reliability</b>')
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    flushSync()
    expect(target.querySelector('.tip')).toBeNull()
    unmount(app)
  })
})
