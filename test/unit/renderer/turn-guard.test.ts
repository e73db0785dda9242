import { describe, expect, it } from 'vitest';
import { type Press, TURN_GUARD_MS, isTurnedPress } from '../../../src/renderer/src/components/turn-guard';

const button = (name: string) => ({ name }) as unknown as Element;
const check = button('check');
const skip = button('skip');
const press = (over: Partial<Press>): Press => ({ time: 0, pointer: true, x: 100, y: 50, button: check, look: 'Check health', ...over });

describe('issue 23, point 6: the turn guard', () => {
  it('ignores the second click of a double click on a button that turned into its opposite', () => {
    expect(isTurnedPress(press({}), press({ time: 180, look: 'Cancel check' }))).toBe(true);
  });
  it('ignores the second click landing on another button that moved into the place (Open login → Skip)', () => {
    expect(isTurnedPress(press({}), press({ time: 200, button: skip, look: 'Skip' }))).toBe(true);
  });
  it('lets the same, unchanged button be pressed twice', () => {
    expect(isTurnedPress(press({}), press({ time: 150 }))).toBe(false);
  });
  it('lets a press through after the guard time, or at another place', () => {
    expect(isTurnedPress(press({}), press({ time: TURN_GUARD_MS + 1, look: 'Cancel check' }))).toBe(false);
    expect(isTurnedPress(press({}), press({ time: 100, x: 300, button: skip, look: 'Skip' }))).toBe(false);
  });
  it('by keyboard: a second Enter on the focused button that now says the opposite is ignored; Enter on another button is not', () => {
    const key = (over: Partial<Press>) => press({ pointer: false, x: 0, y: 0, ...over });
    expect(isTurnedPress(key({}), key({ time: 120, look: 'Cancel check' }))).toBe(true);
    expect(isTurnedPress(key({}), key({ time: 120, button: skip, look: 'Open login' }))).toBe(false);
  });
});
