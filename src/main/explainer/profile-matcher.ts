import type { ProfileMatchField } from '../../shared/log-explanation';
import type { Profile } from '../../shared/profile';

export type ProfileRef = Pick<Profile, 'id' | 'name' | 'companyId' | 'companyName'>;

type Field = Exclude<ProfileMatchField, 'sourceName'>;

interface Term {
  profile: number;
  field: Field;
  /** The term's words after the first two. */
  rest: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const BEYOND_ASCII = /[^\p{ASCII}]/u;

/** The words of a lower-case text (in NFC, so "å" typed two ways is one word). */
function wordsOf(lower: string): string[] {
  if (!BEYOND_ASCII.test(lower)) return lower.match(ASCII_WORD) ?? [];
  return lower.normalize('NFC').match(WORD) ?? [];
}

function addTo(index: Map<string, Term[]>, key: string, term: Term): void {
  const terms = index.get(key);
  if (terms) terms.push(term);
  else index.set(key, [term]);
}

/**
 * Finds profiles named in a text: a profile's id, name, company id or company name appears as whole
 * words, in order, ignoring case and punctuation ("Kunder til Visma" matches "kunder_til_visma.log" and
 * «Kunder til Visma»). Terms shorter than 3 characters, and numbers shorter than 4 digits, are not
 * looked for: they would match everywhere.
 *
 * Indexed by each term's first word, or first two words ("p 0042", "firma 7"), so a text costs one or
 * two lookups per word whatever the number of profiles, even when they all share a first word.
 */
export class ProfileMatcher {
  private readonly oneWord = new Map<string, Term[]>();
  private readonly twoWords = new Map<string, Term[]>();
  private readonly firstOfTwo = new Set<string>();

  constructor(readonly profiles: readonly ProfileRef[]) {
    profiles.forEach((profile, index) => {
      for (const field of ['id', 'name', 'companyId', 'companyName'] as const) {
        const words = wordsOf(profile[field].toLowerCase());
        const joined = words.join('');
        if (joined.length < 3 || (words.length === 1 && /^\d+$/.test(joined) && joined.length < 4)) continue;
        if (words.length === 1) addTo(this.oneWord, words[0]!, { profile: index, field, rest: [] });
        else {
          addTo(this.twoWords, `${words[0]} ${words[1]}`, { profile: index, field, rest: words.slice(2) });
          this.firstOfTwo.add(words[0]!);
        }
      }
    });
  }

  get empty(): boolean {
    return this.oneWord.size === 0 && this.twoWords.size === 0;
  }

  /** Profiles (by index) named in the text (in lower case), with the fields that matched. */
  match(lower: string, fields?: ReadonlySet<Field>): Map<number, Set<Field>> {
    const found = new Map<number, Set<Field>>();
    if (this.empty) return found;
    const words = wordsOf(lower);
    for (let i = 0; i < words.length; i++) this.matchAt(words, i, found, fields);
    return found;
  }

  private matchAt(words: readonly string[], i: number, found: Map<number, Set<Field>>, fields: ReadonlySet<Field> | undefined): void {
    const word = words[i]!;
    const single = this.oneWord.get(word);
    if (single) this.take(single, words, i + 1, found, fields);
    if (i + 1 < words.length && this.firstOfTwo.has(word)) {
      const pair = this.twoWords.get(`${word} ${words[i + 1]}`);
      if (pair) this.take(pair, words, i + 2, found, fields);
    }
  }

  private take(terms: readonly Term[], words: readonly string[], from: number, found: Map<number, Set<Field>>, fields: ReadonlySet<Field> | undefined): void {
    for (const term of terms) {
      if (fields && !fields.has(term.field)) continue;
      let whole = true;
      for (let k = 0; k < term.rest.length && whole; k++) whole = words[from + k] === term.rest[k];
      if (!whole) continue;
      const seen = found.get(term.profile);
      if (seen) seen.add(term.field);
      else found.set(term.profile, new Set([term.field]));
    }
  }
}
