/**
 * The words that confirm a saved connection on a portal's page ("The Visma.net connection is
 * saved.", "Connected as * to *"): matched line by line, case and spacing aside, "*" for any text.
 * Learned from the line a person points at: the profile's own particulars (users, companies,
 * numbers, dates) become "*", so the words fit the portal's other profiles too.
 */

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first line the marker matches, or undefined. An empty marker matches nothing. */
export function markerLine(marker: string, lines: readonly string[]): string | undefined {
  const words = normalized(marker);
  if (!words.replace(/\*/g, '').trim()) return undefined;
  const pattern = new RegExp(words.split('*').map(escaped).join('.*?'), 'u');
  return lines.find((line) => pattern.test(normalized(line)));
}

const EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+/g;
const DATE_OR_TIME = /\d{1,4}[-./:]\d{1,2}([-./:]\d{1,4})*/g;
const NUMBER = /\d[\d\s.,]*\d|\d/g;

/** A line the person pointed at, as words that fit any profile of the portal. */
export function learnMarker(line: string, particulars: readonly string[]): string {
  let words = line.replace(/\s+/g, ' ').trim();
  for (const particular of [...particulars].filter((p) => p.trim().length > 1).sort((a, b) => b.length - a.length)) {
    words = words.replace(new RegExp(escaped(particular.trim()), 'giu'), '*');
  }
  words = words.replace(EMAIL, '*').replace(DATE_OR_TIME, '*').replace(NUMBER, '*');
  return words.replace(/\*(\s*\*)+/g, '*').slice(0, 200);
}
