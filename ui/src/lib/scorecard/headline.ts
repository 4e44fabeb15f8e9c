// The headline, computed the way the core computes it (scorecard/mod.rs, Headline::of), so a
// score keypress moves the headline at once; the core's own headline replaces it when saved.

import type { Headline, Pillar } from '../api/bindings'

export function mean(scores: number[]): number | null {
  if (scores.length === 0) return null
  const sum = scores.reduce((a, b) => a + b, 0)
  return Math.round((sum * 10) / scores.length) / 10
}

export function headlineOf(pillars: readonly Pillar[]): Headline {
  const scores = pillars.flatMap((p) => (p.score == null ? [] : [p.score]))
  const behind = pillars
    .filter((p) => p.status !== 'on_target')
    .map((p) => ({ p, s: p.score ?? 0 }))
    // Unscored first, then by score, then furthest below target, then by position.
    .sort((a, b) => a.s - b.s || b.p.target - b.s - (a.p.target - a.s) || a.p.position - b.p.position)
  return {
    overall: mean(scores),
    at_target: pillars.filter((p) => p.status === 'on_target').length,
    total: pillars.length,
    scored: scores.length,
    lowest: behind.slice(0, 3).map((b) => b.p.name),
  }
}

/** "3 of 8 pillars at target". */
export function atTargetText(h: Pick<Headline, 'at_target' | 'total'>): string {
  return `${h.at_target} of ${h.total} ${h.total === 1 ? 'pillar' : 'pillars'} at target`
}
