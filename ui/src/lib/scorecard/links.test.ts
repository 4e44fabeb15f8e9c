import { describe, expect, test } from 'vitest'
import { findLinks, isOpenable } from './links'

describe('evidence links', () => {
  test('http, https and mailto links are found, trailing punctuation left out', () => {
    const links = findLinks(
      'Runbook: https://wiki.example.com/runbook. See (http://example.org/a_(b)) and mailto:pm@example.com, done.',
    )
    expect(links.map((l) => l.url)).toEqual([
      'https://wiki.example.com/runbook',
      'http://example.org/a_(b)',
      'mailto:pm@example.com',
    ])
    expect(links[0].text).toBe('wiki.example.com/runbook')
  })

  test('other schemes are never made clickable', () => {
    expect(findLinks('javascript:alert(1) file:///etc/passwd ftp://x.org smb://host/share')).toEqual([])
    expect(isOpenable('javascript:alert(1)')).toBe(false)
    expect(isOpenable('https://')).toBe(false)
    expect(isOpenable('HTTPS://EXAMPLE.COM')).toBe(true)
  })

  test('a link given twice is listed once', () => {
    expect(findLinks('https://a.io https://a.io')).toHaveLength(1)
  })
})
