import { EditDistanceQuery } from './edit-distance';

/** The most edits the index finds; the pigeonhole argument below needs MAX_EDITS + 1 segments. */
export const MAX_EDITS = 2;
const SEGMENTS = MAX_EDITS + 1;

interface Entry<T> {
  text: string;
  value: T;
}

export interface NearMatch<T> {
  text: string;
  value: T;
  distance: number;
}

const segmentStart = (length: number, segment: number): number => Math.floor((segment * length) / SEGMENTS);

/**
 * Finds the strings within edit distance ≤ 2 of a query without comparing it to every string.
 * Pigeonhole (as in Pass-Join, Li et al., VLDB 2011): cut each indexed string into 3 segments;
 * two edits touch at most two of them, so a string within distance 2 contains one segment
 * unchanged, shifted by only as many places as there were edits before it. The index maps (scope, length, segment number, segment text) to strings; a query looks
 * up each segment-sized piece of itself near each segment's position, for each length within 2 of
 * its own, and verifies the few candidates with a real edit distance. Scopes keep searches apart
 * (for example, local parts of one domain).
 */
export class NearStringIndex<T> {
  // scope → (length, segment number) → segment text → entries. Nested, so a probe builds no
  // composite string key: one number and one short slice per lookup.
  private readonly scopes = new Map<string, Map<number, Map<string, Entry<T>[]>>>();

  add(scope: string, text: string, value: T): void {
    const entry = { text, value };
    let byPlace = this.scopes.get(scope);
    if (!byPlace) this.scopes.set(scope, (byPlace = new Map()));
    const length = text.length;
    for (let segment = 0; segment < SEGMENTS; segment++) {
      const place = length * SEGMENTS + segment;
      let bySegment = byPlace.get(place);
      if (!bySegment) byPlace.set(place, (bySegment = new Map()));
      const piece = text.slice(segmentStart(length, segment), segmentStart(length, segment + 1));
      const bucket = bySegment.get(piece);
      if (bucket) bucket.push(entry);
      else bySegment.set(piece, [entry]);
    }
  }

  /** Every indexed string of the scope within `maxDistance` (≤ 2) of `query`, the query itself included. */
  search(scope: string, query: string, maxDistance: number): NearMatch<T>[] {
    const limit = Math.min(maxDistance, MAX_EDITS);
    const byPlace = this.scopes.get(scope);
    if (limit < 0 || !byPlace) return [];
    const seen = new Set<Entry<T>>();
    const found: NearMatch<T>[] = [];
    const distances = new EditDistanceQuery(query);
    const queryLength = query.length;
    for (let length = Math.max(0, queryLength - limit); length <= queryLength + limit; length++) {
      const shift = queryLength - length;
      for (let segment = 0; segment < SEGMENTS; segment++) {
        const bySegment = byPlace.get(length * SEGMENTS + segment);
        if (!bySegment) continue;
        const start = segmentStart(length, segment);
        const size = segmentStart(length, segment + 1) - start;
        // Multi-match-aware (Pass-Join): some unchanged segment has at most `segment` edits before
        // it and at most MAX_EDITS - `segment` after it, which bounds how far it can have moved.
        const before = Math.min(segment, limit);
        const after = Math.min(MAX_EDITS - segment, limit);
        const from = Math.max(0, start - before, start + shift - after);
        const to = Math.min(queryLength - size, start + before, start + shift + after);
        for (let at = from; at <= to; at++) {
          const bucket = bySegment.get(query.slice(at, at + size));
          if (!bucket) continue;
          for (const entry of bucket) {
            if (seen.has(entry)) continue;
            seen.add(entry);
            const distance = distances.distanceTo(entry.text, limit);
            if (distance <= limit) found.push({ text: entry.text, value: entry.value, distance });
          }
        }
      }
    }
    return found;
  }
}
