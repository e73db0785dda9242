import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, swapAwareDistance } from '../../../src/main/severa/edit-distance';
import { NearStringIndex } from '../../../src/main/severa/near-string-index';

/** Textbook Levenshtein: the oracle. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length]![b.length]!;
}

// Few letters, so near strings are common; lengths past 32 exercise the long-string path.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', 'ä'), maxLength: 40 });

describe('editDistance', () => {
  it('agrees with textbook Levenshtein up to the limit, and reports "over" as limit + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        const exact = levenshtein(a, b);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('NearStringIndex', () => {
  it('finds exactly the strings a brute-force scan finds within distance 0, 1 and 2', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), (texts, query, maxDistance) => {
        const index = new NearStringIndex<number>();
        texts.forEach((text, i) => index.add('scope', text, i));
        index.add('other scope', query, -1);
        const found = index
          .search('scope', query, maxDistance)
          .map((m) => `${m.value}:${m.distance}`)
          .sort();
        const expected = texts
          .map((text, i) => ({ i, d: levenshtein(text, query) }))
          .filter(({ d }) => d <= maxDistance)
          .map(({ i, d }) => `${i}:${d}`)
          .sort();
        expect(found).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});

/** Textbook optimal string alignment (Levenshtein plus adjacent swaps): the oracle for swapAwareDistance. */
function optimalStringAlignment(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('swapAwareDistance', () => {
  it('counts a swap of neighbours as one edit, and otherwise agrees with Levenshtein', () => {
    expect(swapAwareDistance('niemienn', 'nieminen')).toBe(1);
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(swapAwareDistance(a, b)).toBe(optimalStringAlignment(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
