import { describe, expect, test } from 'vitest'
import { flushSync, mount, unmount } from 'svelte'
import { mockIPC } from '@tauri-apps/api/mocks'
import EvidenceField from './EvidenceField.svelte'
import { settle } from '../../test/fixtures'

describe('EvidenceField', () => {
  test('only http, https and mailto links become buttons, and they open through open_link', async () => {
    const opened: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'open_link') opened.push(args)
      return null
    })
    const target = document.body.appendChild(document.createElement('div'))
    const app = mount(EvidenceField, {
      target,
      props: {
        value: 'Runbook https://wiki.example.com/rb, ask mailto:ops@example.com; not javascript:alert(1) or file:///etc/passwd <img src=x>',
        name: 'Security',
        onsave: () => {},
      },
    })
    flushSync()
    const buttons = [...target.querySelectorAll<HTMLButtonElement>('.links button')]
    expect(buttons.map((b) => b.textContent)).toEqual(['wiki.example.com/rb', 'ops@example.com'])
    expect(target.querySelector('img')).toBeNull()
    expect(target.querySelector('a')).toBeNull()
    buttons[0].click()
    await settle()
    expect(opened).toEqual([{ url: 'https://wiki.example.com/rb' }])
    unmount(app)
  })
})
