import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { jsonReport, jsonReportChunks } from '../../../src/main/severa/report-format';

const parsed = (chunks: Iterable<string>): unknown => JSON.parse([...chunks].join(''));

describe('the JSON report written in pieces', () => {
  it('parses to the report object, whatever the addresses and names hold (quotes, backslashes, controls, lone surrogates, U+2028)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.option(text), fc.boolean()), { maxLength: 12 }), (people) => {
        const azetsUsers = people.map(([email, name], row) => ({ email, name, row: row + 2 }));
        const severaUsers = people.map(([email, name, same], row) => ({ email: same ? email : `${email}x`, name, active: true, id: null, row: row + 2 }));
        const result = checkSeveraLogins({ azetsUsers, severaUsers, addon: 'active', orgUsesSevera: 'yes' });
        expect(parsed(jsonReportChunks(result))).toEqual(JSON.parse(JSON.stringify(jsonReport(result))));
      }),
      { numRuns: 100 },
    );
  });

  it('splits many users into pieces that join to the whole report', () => {
    const azetsUsers = Array.from({ length: 6000 }, (_, i) => ({ email: `user${i}@firma.fi`, name: `User "${i}"`, row: i + 2 }));
    const severaUsers = azetsUsers.map((user, i) => ({ email: i % 7 === 0 ? user.email.toUpperCase() : user.email, name: user.name, active: i % 11 !== 0, id: `g${i}`, row: i + 2 }));
    const result = checkSeveraLogins({ azetsUsers, severaUsers, addon: 'unknown', orgUsesSevera: 'unknown' });
    const chunks = [...jsonReportChunks(result)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(parsed(chunks)).toEqual(JSON.parse(JSON.stringify(jsonReport(result))));
  });
});
