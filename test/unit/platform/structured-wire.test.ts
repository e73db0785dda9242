import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, mainClone } from '../../helpers/structured-wire';

/** The harness's transport keeps what Electron's structured clone keeps, and refuses what it refuses (issue 24, point 6). */
describe('the E2E harness transport is a structured clone, not JSON', () => {
  const across = (value: unknown) => decodeWire(encodeWire(mainClone(value)));

  it('keeps Dates, Maps, Sets, undefined properties, NaN, -0 and big integers, where JSON would change or drop them', () => {
    const value = { when: new Date('2026-12-07T10:00:00Z'), byId: new Map([['a', { n: 1 }]]), tags: new Set(['x']), missing: undefined, ratio: Number.NaN, zero: -0, big: 12n, list: [undefined, Infinity] };
    const back = across(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.when).toBeInstanceOf(Date);
    expect(back.byId).toBeInstanceOf(Map);
    expect('missing' in back).toBe(true);
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(JSON.parse(JSON.stringify({ when: value.when })).when).toBe('2026-12-07T10:00:00.000Z'); // what the old transport gave the page
  });

  it('throws on a function or a symbol, as Electron’s IPC does, where JSON dropped it without a word', () => {
    expect(() => mainClone({ ok: true, value: { refresh: () => 1 } })).toThrow(/could not be cloned/);
    expect(() => mainClone({ id: Symbol('x') })).toThrow(/could not be cloned/);
    expect(JSON.stringify({ ok: true, value: { refresh: () => 1 } })).toBe('{"ok":true,"value":{}}');
  });

  it('a class instance crosses as its own data, and an object with the tag’s key stays an object', () => {
    class Profile {
      constructor(readonly id: string) {}
      label() {
        return this.id;
      }
    }
    expect(across(new Profile('p1'))).toEqual({ id: 'p1' });
    expect(Object.getPrototypeOf(across(new Profile('p1')))).toBe(Object.prototype);
    expect(across({ '\u0000clone': 'Date', v: 0 })).toEqual({ '\u0000clone': 'Date', v: 0 });
  });
});
