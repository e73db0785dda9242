/**
 * A generated Azets Work + Severa population: every Azets Work user is a Severa user, most with
 * exactly the same address, a share with a near-miss of a known kind. Deterministic (seeded), so
 * the benchmark measures the same work every time and tests can check each near-miss's verdict.
 */
import type { ReasonCode } from '../../src/shared/severa-check';

const FIRST = ['matti', 'anna', 'juha', 'liisa', 'mikko', 'maria', 'timo', 'sari', 'jari', 'tiina', 'pekka', 'kaisa', 'antti', 'minna', 'ville', 'laura', 'olli', 'heidi', 'eero', 'johanna', 'erik', 'karin', 'lars', 'ingrid', 'nils', 'sofia', 'jonas', 'emma', 'oskar', 'elin'];
const LAST = ['virtanen', 'korhonen', 'mäkinen', 'nieminen', 'hämäläinen', 'laine', 'heikkinen', 'koskinen', 'järvinen', 'lehtonen', 'saarinen', 'salminen', 'andersson', 'johansson', 'karlsson', 'nilsson', 'eriksson', 'larsson', 'olsen', 'hansen', 'berg', 'lund', 'holm', 'strand', 'nyberg', 'lindqvist', 'sjöberg', 'ekström', 'wikström', 'forsman'];
const DOMAINS = ['azets.fi', 'azets.se', 'azets.no', 'azets.dk', 'client-one.fi', 'client-two.fi', 'rakennus-oy.fi', 'konsult-ab.se', 'example.com', 'bücher.de'];

export type NearMissKind = 'case' | 'nbsp' | 'zero-width' | 'cyrillic' | 'nfd' | 'typo' | 'other-domain' | 'plus-tag' | 'trailing-dot';

/** The reason each kind of near-miss must get. */
export const EXPECTED_REASON: Record<NearMissKind, ReasonCode> = {
  case: 'CASE_MISMATCH',
  nbsp: 'WHITESPACE_OR_INVISIBLE',
  'zero-width': 'WHITESPACE_OR_INVISIBLE',
  cyrillic: 'UNICODE_MISMATCH',
  nfd: 'UNICODE_MISMATCH',
  typo: 'LIKELY_TYPO',
  'other-domain': 'DOMAIN_MISMATCH',
  'plus-tag': 'EMAIL_NOT_FOUND',
  'trailing-dot': 'INVALID_EMAIL',
};
const KINDS = Object.keys(EXPECTED_REASON) as NearMissKind[];

export interface GeneratedUser {
  email: string;
  firstName: string;
  lastName: string;
  active: boolean;
  guid: string;
}

export interface Population {
  severa: GeneratedUser[];
  azets: GeneratedUser[];
  /** For each near-miss Azets Work user (by index): its kind and the Severa address it means. */
  nearMisses: Map<number, { kind: NearMissKind; severaEmail: string }>;
}

/** mulberry32: a tiny seeded generator, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capitalize = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** A typo that changes the local part by one substitution, deletion, insertion or swap. */
function typo(email: string, next: () => number): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const i = 1 + Math.floor(next() * (local.length - 2));
  const letter = 'abcdefghijklmnoprstuvy'[Math.floor(next() * 22)]!;
  const variants = [
    local.slice(0, i) + (letter === local[i] ? 'q' : letter) + local.slice(i + 1),
    local.slice(0, i) + local.slice(i + 1),
    local.slice(0, i) + letter + local.slice(i),
    local[i] === local[i + 1] ? local.slice(0, i) + 'x' + local.slice(i + 1) : local.slice(0, i) + local[i + 1] + local[i] + local.slice(i + 2),
  ];
  return variants[Math.floor(next() * variants.length)]! + email.slice(at);
}

function nearMiss(kind: NearMissKind, email: string, next: () => number): string {
  const at = email.lastIndexOf('@');
  switch (kind) {
    case 'case':
      return capitalize(email);
    case 'nbsp':
      return `${email.slice(0, at)}\u00a0${email.slice(at)}`;
    case 'zero-width':
      return `${email}\u200b`;
    case 'cyrillic':
      return email.includes('a') ? email.replace('a', '\u0430') : email.replace('e', '\u0435');
    case 'nfd':
      return email.normalize('NFD');
    case 'typo':
      return typo(email, next);
    case 'other-domain':
      return `${email.slice(0, at)}@old-${email.slice(at + 1)}`;
    case 'plus-tag':
      return `${email.slice(0, at)}+severa${email.slice(at)}`;
    case 'trailing-dot':
      return `${email}.`;
  }
}

/**
 * `size` Severa users with unique addresses (first.last[n]@domain, some names with ä/ö) and the
 * same number of Azets Work users: the share `nearMissRate` with one near-miss each, the rest
 * exactly the same address.
 */
export function generatePopulation(size: number, nearMissRate: number, seed = 1): Population {
  const next = random(seed);
  const severa: GeneratedUser[] = [];
  const used = new Set<string>();
  for (let i = 0; severa.length < size; i++) {
    const firstName = FIRST[Math.floor(next() * FIRST.length)]!;
    const lastName = LAST[Math.floor(next() * LAST.length)]!;
    const domain = DOMAINS[Math.floor(next() * DOMAINS.length)]!;
    const base = `${firstName}.${lastName}`;
    let email = `${base}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${base}${n}@${domain}`;
    used.add(email);
    severa.push({ email, firstName: capitalize(firstName), lastName: capitalize(lastName), active: next() > 0.03, guid: `guid-${i}` });
  }
  const nearMisses = new Map<number, { kind: NearMissKind; severaEmail: string }>();
  const azets = severa.map((user, index) => {
    if (next() >= nearMissRate) return { ...user };
    // Decomposing (NFD) changes only addresses with accented letters.
    const kinds = user.email.normalize('NFD') === user.email ? KINDS.filter((k) => k !== 'nfd') : KINDS;
    const kind = kinds[Math.floor(next() * kinds.length)]!;
    const email = nearMiss(kind, user.email, next);
    nearMisses.set(index, { kind, severaEmail: user.email });
    return { ...user, email };
  });
  // Exports are not in the same order: Fisher-Yates, then each near-miss follows its user.
  const order = azets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const positionOf = new Map(order.map((original, position) => [original, position]));
  return {
    severa,
    azets: order.map((i) => azets[i]!),
    nearMisses: new Map([...nearMisses].map(([i, miss]) => [positionOf.get(i)!, miss])),
  };
}

const csvCell = (value: string, delimiter: string): string =>
  value.includes(delimiter) || value.includes('"') || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** An Azets Work export: UTF-8 with a BOM, `;`-separated, as Excel in Finland writes it. */
export function azetsCsv(users: readonly GeneratedUser[]): string {
  const lines = ['Sähköposti;Etunimi;Sukunimi', ...users.map((u) => [u.email, u.firstName, u.lastName].map((v) => csvCell(v, ';')).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A Severa export: UTF-8 without a BOM, `,`-separated. */
export function severaCsv(users: readonly GeneratedUser[]): string {
  const lines = ['Guid,First name,Last name,Email,Active', ...users.map((u) => [u.guid, u.firstName, u.lastName, u.email, u.active ? 'true' : 'false'].map((v) => csvCell(v, ',')).join(','))];
  return `${lines.join('\n')}\n`;
}
