import { describe, expect, it } from 'vitest';
import { maskJobUrl } from '../../../src/main/portal/triggered-job';
import { hideSecrets, redact } from '../../../src/main/redact';

/**
 * A triggered-job URL carries its job's secret key: as a query value, or as a path segment. What the
 * app shows of the URL is its origin and, when more of the path follows, the path's first segment:
 * by structure, never by length. Text that comes from the job call has every known secret of the
 * profile taken out, in any case and any encoding the job may echo it in.
 */

const KEY = 'Tr1gg3r-K3y_AbCdEf+9/Z=';
const PATH_URL = `https://portal.example/api/jobs/7/trigger/${encodeURIComponent(KEY)}`;
const QUERY_URL = `https://portal.example/api/jobs/7/trigger?key=${encodeURIComponent(KEY)}`;

describe('a URL with a secret in it is masked by structure, never by length', () => {
  const cases: [string, string, string[]][] = [
    ['a key as the last path segment', PATH_URL, ['jobs', 'trigger', 'Tr1gg3r']],
    ['a short path with a key as a path segment', 'https://portal.example/api/SECRETKEY', ['SECRETKEY']],
    ['a key as a query value', QUERY_URL, ['jobs', 'key=', 'Tr1gg3r']],
    ['a key in the user info', `https://job:${encodeURIComponent(KEY)}@portal.example/api/jobs/7/trigger`, ['job:', 'Tr1gg3r', '@']],
    ['a key in the fragment', 'https://portal.example/api/jobs/7/trigger#SECRETKEY', ['SECRETKEY', '#']],
    ['a long first segment, then a key', `https://portal.example/${'a'.repeat(60)}/SECRETKEY`, ['SECRETKEY']],
  ];
  for (const [name, url, hidden] of cases) {
    it(`${name}: origin and first segment, then …`, () => {
      const masked = maskJobUrl(url);
      expect(masked.startsWith(new URL(url).origin + '/')).toBe(true);
      expect(masked.endsWith('…')).toBe(true);
      for (const part of hidden) expect(masked).not.toContain(part);
    });
  }

  it('shows the origin and the first segment exactly', () => {
    expect(maskJobUrl(PATH_URL)).toBe('https://portal.example/api/…');
    expect(maskJobUrl(QUERY_URL)).toBe('https://portal.example/api/…');
    expect(maskJobUrl('http://127.0.0.1:51234/api/jobs/orders/trigger?key=SECRET-KEY')).toBe('http://127.0.0.1:51234/api/…');
    // A long first segment is shown whole: what is hidden is chosen by place, not by length.
    expect(maskJobUrl(`https://portal.example/${'a'.repeat(60)}/x`)).toBe(`https://portal.example/${'a'.repeat(60)}/…`);
  });

  it('a segment that is the path’s last may be the key itself: it is hidden too, as are a query or fragment alone', () => {
    expect(maskJobUrl('https://hooks.example/K3yAsTheOnlySegment')).toBe('https://hooks.example/…');
    expect(maskJobUrl('https://portal.example/trigger?key=SECRETKEY')).toBe('https://portal.example/…');
    expect(maskJobUrl('https://portal.example/?key=SECRETKEY')).toBe('https://portal.example/…');
    expect(maskJobUrl('https://portal.example/#SECRETKEY')).toBe('https://portal.example/…');
    expect(maskJobUrl('https://portal.example/')).toBe('https://portal.example/');
  });

  it('a mask of a mask is the same mask (masks stored by earlier versions can be masked again)', () => {
    for (const url of [PATH_URL, QUERY_URL, 'https://portal.example/api/jobs/7/trigger/SECRETKEY?••••••']) {
      expect(maskJobUrl(maskJobUrl(url))).toBe(maskJobUrl(url));
    }
  });
});

/** Every form in which a job endpoint may echo a secret back. */
function echoes(secret: string): [string, string][] {
  const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');
  return [
    ['as sent', secret],
    ['upper case', secret.toUpperCase()],
    ['lower case', secret.toLowerCase()],
    ['URL-encoded', encodeURIComponent(secret)],
    ['URL-encoded, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['URL-encoded twice', encodeURIComponent(encodeURIComponent(secret))],
    ['every character percent-encoded', [...new TextEncoder().encode(secret)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')],
    ['form-encoded', new URLSearchParams({ k: secret }).toString().slice(2)],
    ['JSON-escaped inside a message', JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/')],
    ['as \\u escapes', [...secret].map((c) => `\\u${hex(c)}`).join('')],
    ['as HTML character references', [...secret].map((c) => `&#${c.charCodeAt(0)};`).join('')],
    ['as HTML hex references', [...secret].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')],
  ];
}

describe('a profile’s known secrets are taken out of text that came from its job call, in any case and encoding', () => {
  for (const [shape, url] of [
    ['a path-segment key', PATH_URL],
    ['a query key', QUERY_URL],
  ] as const) {
    for (const [form, echo] of echoes(KEY)) {
      it(`${shape}, echoed ${form}`, () => {
        const text = `Job 7 started with key ${echo}; done.`;
        const clean = hideSecrets(text, { jobUrl: url });
        expect(clean).toBe('Job 7 started with key [job key]; done.');
      });
    }
    for (const [form, echo] of echoes(url)) {
      it(`${shape}, the whole URL echoed ${form}`, () => {
        const clean = hideSecrets(`Called ${echo} at 09:00`, { jobUrl: url });
        expect(clean).toBe('Called [job URL] at 09:00');
      });
    }
  }

  it('a user-info password and a fragment are secrets of the URL too; ordinary words and short path words are left alone', () => {
    const url = 'https://job:Pa55-w0rd-xyz@portal.example/api/jobs/7/trigger#fr4gment-key';
    expect(hideSecrets('pa55-W0RD-xyz and FR4GMENT-KEY, trigger jobs 7', { jobUrl: url })).toBe('[job key] and [job key], trigger jobs 7');
  });

  it('the other secrets redact() knows are found in any case and encoding too', () => {
    const refreshToken = 'rt-3f9a0c1b2d4e5f60718293a4b5c6d7e8';
    for (const [form, echo] of echoes(refreshToken)) expect(redact(`refused ${echo}`, { refreshToken }), form).toBe('refused [refresh token]');
  });

  it('an answer built to make the search slow (64 KiB of escapes) costs no more than an ordinary one', () => {
    for (const flood of ['\\'.repeat(64 * 1024), '%25'.repeat(22 * 1024), '&#0'.repeat(22 * 1024), `${KEY.slice(0, -1)}`.repeat(3000)]) {
      const started = performance.now();
      hideSecrets(flood, { jobUrl: PATH_URL });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
