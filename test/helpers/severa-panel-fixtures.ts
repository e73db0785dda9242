/**
 * Two small user lists for the Severa panel's tests, written the way the two systems export
 * them: Azets Work as Excel in Finland saves CSV (Windows-1252, `;`), Severa as UTF-8 with `,`.
 * One user for each common reason: OK, case, inactive, typo, not found, a no-break space, and
 * a Severa user nobody in Azets Work has.
 */
export const AZETS_CSV_TEXT = [
  'Sähköposti;Nimi',
  'anna.virtanen@firma.fi;Anna Virtanen',
  'Matti.Makinen@firma.fi;Matti Mäkinen',
  'liisa.laine@firma.fi;Liisa Laine',
  'jukka.nieminen@firma.fi;Jukka Nieminen',
  'sari.koski@firma.fi;Sari Koski',
  'petra\u00a0@firma.fi;Petra Holm',
  '',
].join('\r\n');

/** The Azets Work file's bytes: Windows-1252 (ä, ö and the no-break space are one byte each). */
export const AZETS_CSV = Buffer.from(AZETS_CSV_TEXT, 'latin1');

/** A Severa export whose activity column has a name the reader does not know ("Käyttäjän tila"). */
export const SEVERA_CSV_UNKNOWN_ACTIVE = Buffer.from(
  [
    'Email,Käyttäjän tila,First name,Last name',
    'anna.virtanen@firma.fi,yes,Anna,Virtanen',
    'matti.makinen@firma.fi,yes,Matti,Mäkinen',
    'liisa.laine@firma.fi,no,Liisa,Laine',
    'jukka.niemnen@firma.fi,yes,Jukka,Nieminen',
    'olli.vanha@firma.fi,yes,Olli,Vanha',
    'petra@firma.fi,yes,Petra,Holm',
    '',
  ].join('\n'),
  'utf8',
);

export const SEVERA_CSV = Buffer.from(SEVERA_CSV_UNKNOWN_ACTIVE.toString('utf8').replace('Käyttäjän tila', 'Active'), 'utf8');

/** The primary reason each entry gets with both lists and nothing known about the organization. */
export const EXPECTED = {
  'anna.virtanen@firma.fi': 'OK',
  'Matti.Makinen@firma.fi': 'CASE_MISMATCH',
  'liisa.laine@firma.fi': 'INACTIVE_IN_SEVERA',
  'jukka.nieminen@firma.fi': 'LIKELY_TYPO',
  'sari.koski@firma.fi': 'EMAIL_NOT_FOUND',
  'petra\u00a0@firma.fi': 'WHITESPACE_OR_INVISIBLE',
} as const;
