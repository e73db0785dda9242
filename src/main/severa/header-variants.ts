import type { UserField } from '../../shared/severa-check';

/**
 * "E-mail", "e_mail", "Sähköposti " and "EMAIL" name the same column: compare headers lower-cased,
 * in NFC, without spaces, dashes, underscores, dots or a stray BOM.
 */
export const normalizeHeader = (header: string): string =>
  header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\uFEFF._-]+/g, '');

/**
 * Header names seen in Azets Work and Severa exports and in the languages their users work in
 * (English, Finnish, Swedish, Norwegian, Danish, German, Dutch), already normalised.
 */
export const HEADER_VARIANTS: Record<UserField, readonly string[]> = {
  email: [
    'email',
    'emailaddress',
    'emailadress',
    'mail',
    'sähköposti',
    'sähköpostiosoite',
    'epost',
    'epostadress',
    'epostadresse',
    'emailadresse',
    'emailadres',
    'useremail',
  ],
  active: ['active', 'isactive', 'aktiivinen', 'aktiv', 'actief', 'enabled', 'status', 'tila', 'käytössä'],
  firstName: ['firstname', 'givenname', 'etunimi', 'förnamn', 'fornavn', 'vorname', 'voornaam'],
  lastName: ['lastname', 'surname', 'familyname', 'sukunimi', 'efternamn', 'etternavn', 'efternavn', 'nachname', 'achternaam'],
  fullName: ['name', 'fullname', 'displayname', 'nimi', 'kokonimi', 'namn', 'navn', 'naam'],
  id: ['guid', 'id', 'userid', 'usercode', 'code', 'userguid'],
};
