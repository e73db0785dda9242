import { type EmailForms, skeletonKey, withoutPlusTag } from './email-forms';
import { MAX_EDITS, NearStringIndex } from './near-string-index';
import { nameKey } from './person-name';
import type { SeveraEntry } from './address-join';

export interface NearEntry {
  entry: SeveraEntry;
  distance: number;
}

const withoutTrailingDot = (domain: string): string => (domain.endsWith('.') ? domain.slice(0, -1) : domain);
const plusKey = (forms: EmailForms): string => `${withoutPlusTag(forms.local)}@${forms.domain}`;
/** Two words at least: a lone first name says too little about who someone is. */
const fullNameKey = (name: string | null): string | null => {
  const key = nameKey(name);
  return key !== null && key.includes(' ') ? key : null;
};

function groupBy(entries: readonly SeveraEntry[], keyOf: (entry: SeveraEntry) => string | null): Map<string, SeveraEntry[]> {
  const groups = new Map<string, SeveraEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/** Built on first use: most lists need few of these questions, or none. */
const lazy = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

/**
 * The Severa users an unmatched Azets Work address may have meant, by how they relate to it: an
 * address that looks the same, the same local part elsewhere, a +tag variant, an address within
 * two edits, the same name. Only users no Azets Work user already has are candidates (the one
 * who has exactly "jari@x.fi" is not the one "jani@x.fi" meant), which also keeps these indexes
 * small: for a list that mostly lines up, they hold a few percent of the Severa users.
 */
export class SuggestionIndex {
  constructor(private readonly candidates: readonly SeveraEntry[]) {}

  private readonly byKey = lazy(() => groupBy(this.candidates, (entry) => entry.forms.key));
  private readonly bySkeleton = lazy(() =>
    groupBy(this.candidates, (entry) => skeletonKey(entry.forms)),
  );
  private readonly byLocal = lazy(() => groupBy(this.candidates, (entry) => entry.forms.local));
  private readonly byPlusKey = lazy(() => groupBy(this.candidates, (entry) => plusKey(entry.forms)));
  private readonly byName = lazy(() => groupBy(this.candidates, (entry) => fullNameKey(entry.user.name)));
  private readonly domains = lazy(() => {
    const index = new NearStringIndex<string>();
    for (const domain of new Set(this.candidates.map((entry) => entry.forms.domain))) index.add('', domain, domain);
    return index;
  });
  private readonly localsByDomain = lazy(() => {
    const index = new NearStringIndex<SeveraEntry>();
    for (const entry of this.candidates) index.add(entry.forms.domain, entry.forms.local, entry);
    return index;
  });

  /** The same address once look-alike letters and compatibility forms are folded (UTS #39 style skeleton). */
  lookAlikes(forms: EmailForms): SeveraEntry[] {
    const skeleton = skeletonKey(forms);
    return (this.bySkeleton().get(skeleton) ?? []).filter((entry) => entry.forms.key !== forms.key);
  }

  /** The same local part at another domain; one that differs only by a trailing dot is a typo instead. */
  otherDomains(forms: EmailForms): SeveraEntry[] {
    const domain = withoutTrailingDot(forms.domain);
    return (this.byLocal().get(forms.local) ?? []).filter((entry) => withoutTrailingDot(entry.forms.domain) !== domain);
  }

  /** The same address once a +tag is removed from either. */
  plusAliases(forms: EmailForms): SeveraEntry[] {
    const stripped = plusKey(forms);
    const found = [...(this.byPlusKey().get(stripped) ?? []), ...(this.byKey().get(stripped) ?? [])];
    return [...new Set(found)].filter(
      (entry) => entry.forms.key !== forms.key && (entry.forms.local.includes('+') || forms.local.includes('+')),
    );
  }

  /**
   * Addresses within two edits, counted separately before and after the @ (so the @ never moves):
   * near domains first (few), then near local parts within each.
   */
  typos(forms: EmailForms): NearEntry[] {
    const found: NearEntry[] = [];
    for (const domain of this.domains().search('', forms.domain, MAX_EDITS)) {
      for (const local of this.localsByDomain().search(domain.value, forms.local, MAX_EDITS - domain.distance)) {
        const distance = domain.distance + local.distance;
        if (distance > 0) found.push({ entry: local.value, distance });
      }
    }
    return found;
  }

  sameName(name: string | null, forms: EmailForms): SeveraEntry[] {
    const key = fullNameKey(name);
    if (key === null) return [];
    return (this.byName().get(key) ?? []).filter((entry) => entry.forms.key !== forms.key);
  }
}
