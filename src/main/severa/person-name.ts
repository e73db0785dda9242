/**
 * A name compared loosely: case, accents, order and punctuation ignored, so "Virtanen, Matti",
 * "matti virtanen" and "Matti Virtänen" agree. Used as evidence and for "same name" suggestions,
 * never to match anyone.
 */
export function nameKey(name: string | null): string | null {
  if (name === null) return null;
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size > 10_000) keys.clear(); // a bound, not a policy: names repeat a lot
    keys.set(name, (key = computeNameKey(name)));
  }
  return key;
}

const keys = new Map<string, string | null>();

function computeNameKey(name: string): string | null {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .sort();
  return words.length === 0 ? null : words.join(' ');
}

/** Whether two names say the same, or null when either is unknown. */
export function sameName(a: string | null, b: string | null): boolean | null {
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  return keyA === null || keyB === null ? null : keyA === keyB;
}
