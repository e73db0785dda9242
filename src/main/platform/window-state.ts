import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

interface Display {
  workArea: Rectangle;
}

/** At least this much of the title bar must be on a display for the window to count as reachable. */
const GRIP = { width: 120, height: 40 };

/**
 * Where the window opens: where it was, if enough of its top is still on some display (a laptop
 * undocked from its second screen would otherwise open the window off-screen); else its size,
 * shrunk to fit, centred on the primary display.
 */
export function placeOnScreen(saved: WindowState | null, displays: Display[], primary: Display, fallback: { width: number; height: number }): WindowState {
  const size = saved?.bounds ?? fallback;
  if (saved && displays.some((d) => reachable(saved.bounds, d.workArea))) return saved;
  const area = primary.workArea;
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
    maximized: saved?.maximized ?? false,
  };
}

function reachable(bounds: Rectangle, area: Rectangle): boolean {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const top = Math.max(bounds.y, area.y);
  const bottom = Math.min(bounds.y + GRIP.height, area.y + area.height);
  return right - left >= GRIP.width && bottom - top >= GRIP.height / 2;
}

/** Its own small file beside the settings: window placement is not worth a settings version. */
export function windowStateFile(userData: string) {
  const file = path.join(userData, 'window-state.json');
  return {
    read(): WindowState | null {
      try {
        const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
        const b = value.bounds;
        const numbers = b && [b.x, b.y, b.width, b.height].every((n) => Number.isInteger(n));
        return numbers && b.width > 0 && b.height > 0 ? { bounds: b, maximized: value.maximized === true } : null;
      } catch {
        return null; // none yet, or unreadable: the default place will do
      }
    },
    write(state: WindowState): void {
      try {
        fs.writeFileSync(file, JSON.stringify(state));
      } catch {
        // Losing the window's place is not worth an error.
      }
    },
  };
}

/** Remembers the normal (not maximized) bounds and whether it was maximized, when the window closes. */
export function rememberWindowState(window: BrowserWindow, save: (state: WindowState) => void): void {
  window.on('close', () => save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
}
