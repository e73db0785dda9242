/**
 * Whether two spellings name the same company: "Nordlys Handel AS" and "Nordlys Handel", "Oy Kesä
 * Ab" and "Kesä Oy". Only the legal form, capitals, punctuation and spacing may differ; any other word
 * makes it another company (a false "same" would pass a wrong company as the right one).
 */

/** Legal forms in the Nordic countries, the Netherlands and English, as words once dots and slashes are gone. */
const LEGAL_FORMS = new Set(['as', 'asa', 'aps', 'ivs', 'is', 'ks', 'ab', 'hb', 'kb', 'oy', 'oyj', 'ay', 'ky', 'hf', 'ehf', 'sf', 'bv', 'nv', 'vof', 'cv', 'ltd', 'limited', 'plc', 'llc', 'inc', 'gmbh', 'da', 'ans', 'ba', 'sa']);

function companyWords(name: string): string[] {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[./]/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  while (words.length > 1 && LEGAL_FORMS.has(words[0]!)) words.shift();
  return words;
}

export function sameCompanyName(a: string, b: string): boolean {
  const [x, y] = [companyWords(a), companyWords(b)];
  return x.length > 0 && x.length === y.length && x.every((word, i) => word === y[i]);
}
