#!/usr/bin/python3
"""Does to a top-level X11 window what a window manager would, for the end-to-end tests.

  x11_window.py close TITLE   ask it to close, as a title bar's close button does (WM_DELETE_WINDOW)
  x11_window.py state TITLE   print "viewable", "unmapped" or "none"

Under Xvfb there is no window manager, so this stands in for one; it needs python3-xlib.
"""
import sys

from Xlib import X, display
from Xlib.protocol import event


def windows_named(d, title):
    found = []
    for w in d.screen().root.query_tree().children:
        try:
            name = w.get_wm_name()
        except Exception:  # a window that vanished meanwhile
            continue
        if name == title:
            found.append(w)
    return found


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("close", "state"):
        sys.exit(__doc__)
    command, title = sys.argv[1], sys.argv[2]
    d = display.Display()
    wins = windows_named(d, title)
    if command == "state":
        viewable = any(w.get_attributes().map_state == X.IsViewable for w in wins)
        print("viewable" if viewable else ("unmapped" if wins else "none"))
        return
    if not wins:
        sys.exit(f"no window titled {title!r}")
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    for w in wins:
        msg = event.ClientMessage(
            window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        w.send_event(msg, event_mask=X.NoEventMask)
    d.flush()


if __name__ == "__main__":
    main()
