// Whether the window shows the Settings page. It covers whatever else was open; leaving it is
// going anywhere else, the agenda or a project, which `showAgenda` and `leaveAgenda` (the one
// way every such move goes) do by closing it.

export const settingsMode = $state<{ open: boolean }>({ open: false })

export function showSettings(): void {
  settingsMode.open = true
}

export function leaveSettings(): void {
  settingsMode.open = false
}
