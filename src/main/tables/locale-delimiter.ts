import type { CsvDelimiter } from '../../shared/severa-check';

/**
 * Excel splits a CSV on the list separator of the user's region: `;` where numbers are written
 * with a decimal comma (fi, sv, nb, da, nl, de, …), `,` elsewhere.
 */
export function csvDelimiterFor(locale: string): CsvDelimiter {
  let decimal = '.';
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  } catch {
    // An unknown locale tag: fall back to the comma most of the world uses.
  }
  return decimal === ',' ? ';' : ',';
}

/** The locale Node was started in (the OS's, unless LANG or the like says otherwise). */
export const systemLocale = (): string => Intl.DateTimeFormat().resolvedOptions().locale;
