// A risk's band as every page shows it (the register, a goal's risks, a stakeholder's card):
// always a word and an icon, the colour only adds to them. Medium is grey so that amber and red
// keep their alarm.

import type { Band } from '../api/bindings'
import type { Tone } from '../ui/Chip.svelte'
import type { IconName } from '../ui/Icon.svelte'

/** Least to most severe: the order a highest band is picked in, and the filter's order. */
export const BANDS: readonly Band[] = ['low', 'medium', 'high', 'critical']

export const BAND_TONE: Readonly<Record<Band, Tone>> = { low: 'ok', medium: 'neutral', high: 'warn', critical: 'bad' }
export const BAND_ICON: Readonly<Record<Band, IconName>> = {
  low: 'check',
  medium: 'half',
  high: 'alert',
  critical: 'alert',
}
export const BAND_LABEL: Readonly<Record<Band, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}

/** The core's bands (risks/mod.rs `Band::of`), for the instant between a keypress and its answer. */
export function bandOf(severity: number): Band {
  if (severity <= 4) return 'low'
  if (severity <= 9) return 'medium'
  if (severity <= 16) return 'high'
  return 'critical'
}
