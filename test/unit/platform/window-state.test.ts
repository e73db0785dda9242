import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOnScreen, windowStateFile } from '../../../src/main/platform/window-state';

const laptop = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const monitorRight = { workArea: { x: 1366, y: 0, width: 2560, height: 1400 } };
const DEFAULT = { width: 1280, height: 800 };

describe('where the main window opens', () => {
  it('where it was, when that place is still on a display', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(placeOnScreen(saved, [laptop, monitorRight], laptop, DEFAULT)).toEqual(saved);
  });

  it('back on the primary display, shrunk to fit, when the display it was on is gone', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeOnScreen(saved, [laptop], laptop, DEFAULT)).toEqual({ bounds: { x: 0, y: 0, width: 1366, height: 728 }, maximized: true });
  });

  it('not with its title bar out of reach above or beside the screen', () => {
    const above = { bounds: { x: 100, y: -700, width: 1000, height: 720 }, maximized: false };
    expect(placeOnScreen(above, [laptop], laptop, DEFAULT).bounds.y).toBeGreaterThanOrEqual(0);
    const barelyLeft = { bounds: { x: -990, y: 10, width: 1000, height: 700 }, maximized: false };
    expect(placeOnScreen(barelyLeft, [laptop], laptop, DEFAULT).bounds.x).toBeGreaterThanOrEqual(0);
  });

  it('centred at its default size the first time', () => {
    expect(placeOnScreen(null, [monitorRight], monitorRight, DEFAULT)).toEqual({ bounds: { x: 1366 + 640, y: 300, width: 1280, height: 800 }, maximized: false });
  });

  it('remembers through a small file of its own, and ignores one that is damaged', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-window-'));
    const file = windowStateFile(dir);
    expect(file.read()).toBeNull();
    file.write({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true });
    expect(file.read()).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds":{"x":"left"}}');
    expect(file.read()).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
