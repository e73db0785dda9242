import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pressConnect } from '../../../src/main/portal/press-connect';

/** Runs the function as the page gets it: its source alone, in a context with nothing but a document. */
function runInPage(label: string, elements: { text: string; aria?: string }[]) {
  const clicked: string[] = [];
  const document = {
    querySelectorAll: () =>
      elements.map((e) => ({ textContent: e.text, getAttribute: (n: string) => (n === 'aria-label' ? (e.aria ?? null) : null), click: () => clicked.push(e.text) })),
  };
  const found = vm.runInNewContext(`(${pressConnect.toString()})(${JSON.stringify(label)})`, { document, globalThis: { document } }) as boolean;
  return { found, clicked };
}

describe('pressing the portal’s Connect button', () => {
  it('works from its source alone (no helper of the bundler inside)', () => {
    expect(pressConnect.toString()).not.toMatch(/__name|__vite|require\(/);
    expect(runInPage('Connected', [{ text: 'Run job now' }, { text: '  Connected\n' }])).toEqual({ found: true, clicked: ['  Connected\n'] });
  });

  it('matches the whole label, by text or accessible name, and presses nothing when it is missing', () => {
    expect(runInPage('Connected', [{ text: 'Not connected' }])).toEqual({ found: false, clicked: [] });
    expect(runInPage('connect to visma', [{ text: '🔗', aria: 'Connect to Visma' }])).toEqual({ found: true, clicked: ['🔗'] });
  });
});
