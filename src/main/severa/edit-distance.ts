/**
 * Levenshtein distance (insert, delete, substitute: 1 each) in UTF-16 units, capped: any distance
 * above `limit` comes back as `limit + 1`, found out as early as possible.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  return new EditDistanceQuery(a).distanceTo(b, limit);
}

/** One bit per pattern position for each UTF-16 unit; shared, and cleared after every use. */
const peq = new Int32Array(0x10000);

/**
 * Distances from one query to many candidates, as the typo search needs: Myers' bit-parallel
 * algorithm (Hyyrö's formulation) keeps a column of the DP table in one machine word, so a
 * candidate costs a few operations per character. Queries longer than 32 units fall back to
 * plain dynamic programming.
 */
export class EditDistanceQuery {
  constructor(private readonly query: string) {}

  distanceTo(text: string, limit: number): number {
    const { query } = this;
    const m = query.length;
    if (Math.abs(m - text.length) > limit) return limit + 1;
    if (m === 0) return text.length;
    if (m > 32) return dynamicProgramming(query, text, limit);
    for (let i = 0; i < m; i++) peq[query.charCodeAt(i)]! |= 1 << i;
    try {
      return bitParallel(m, text, limit);
    } finally {
      for (let i = 0; i < m; i++) peq[query.charCodeAt(i)] = 0;
    }
  }
}

function bitParallel(m: number, text: string, limit: number): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  const n = text.length;
  for (let j = 0; j < n; j++) {
    const eq = peq[text.charCodeAt(j)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // The score falls by at most one per remaining character.
    if (score - (n - j - 1) > limit) return limit + 1;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score > limit ? limit + 1 : score;
}

/** For long strings: row by row, stopping once a whole row exceeds the limit. */
function dynamicProgramming(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance > limit ? limit + 1 : distance;
}

/**
 * Optimal string alignment distance: Levenshtein plus a swap of two neighbouring characters
 * counting as one edit, the commonest typing slip ("niemienn" for "nieminen" is one swap). Used
 * to rank the few candidates the search found, so plain dynamic programming is fine.
 */
export function swapAwareDistance(a: string, b: string): number {
  // Three rolling rows: the one before last is what a swap looks back to.
  let beforeLast = new Uint16Array(b.length + 1);
  let last = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(last[j]! + 1, current[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforeLast[j - 2]! + 1);
      }
      current[j] = value;
    }
    [beforeLast, last, current] = [last, current, beforeLast];
  }
  return last[b.length]!;
}
