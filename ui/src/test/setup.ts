// Every test starts with no Tauri mock and an empty page.
import { afterEach } from 'vitest'
import { clearMocks } from '@tauri-apps/api/mocks'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
  localStorage.clear()
})

// jsdom has no ResizeObserver; the chart binds its width through one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}
