/**
 * The words portals put on their controls, in the six languages of Bridgekeeper's users: data for
 * the page script (a control's name is the word, or begins with it). A portal definition's own label
 * comes first; these find the control on a portal that names none.
 */
export const CONNECT_WORDS: readonly string[] = [
  // English
  'connect',
  'connected',
  'reconnect',
  're-connect',
  'connect again',
  'authorize',
  'authorise',
  'reauthorize',
  'reauthorise',
  'authenticate',
  'reauthenticate',
  're-authenticate',
  // Finnish
  'yhdistä',
  'yhdistetty',
  'yhdistä uudelleen',
  'valtuuta',
  'todenna',
  // Swedish
  'anslut',
  'ansluten',
  'återanslut',
  'anslut igen',
  'koppla',
  'auktorisera',
  'autentisera',
  // Norwegian (bokmål)
  'koble til',
  'tilkoblet',
  'koble til på nytt',
  'autoriser',
  'autentiser',
  // Danish
  'forbind',
  'forbundet',
  'tilslut',
  'genforbind',
  'godkend',
  // Dutch
  'verbinden',
  'verbonden',
  'opnieuw verbinden',
  'koppelen',
  'autoriseren',
  'machtigen',
];

/** What a sign-in page's controls say. */
export const SIGN_IN_WORDS: readonly string[] = [
  'log in',
  'login',
  'log on',
  'sign in',
  'signin',
  'kirjaudu',
  'kirjaudu sisään',
  'logga in',
  'logg inn',
  'logg på',
  'log ind',
  'log på',
  'inloggen',
  'aanmelden',
];

/** What a list's next-page control says (its name is the word, or begins with it): a "›" alone too. */
export const NEXT_PAGE_WORDS: readonly string[] = [
  'next',
  'next page',
  '›',
  '»',
  '>',
  'seuraava',
  'seuraava sivu',
  'nästa',
  'nästa sida',
  'neste',
  'neste side',
  'næste',
  'næste side',
  'volgende',
  'volgende pagina',
];

/** What a list's "show more" button says ("More" alone is often a row's menu: not here). */
export const SHOW_MORE_WORDS: readonly string[] = [
  'show more',
  'load more',
  'näytä lisää',
  'lataa lisää',
  'visa fler',
  'visa mer',
  'ladda fler',
  'vis flere',
  'vis mer',
  'last flere',
  'vis mere',
  'indlæs flere',
  'hent flere',
  'toon meer',
  'meer laden',
  'meer tonen',
  'laad meer',
];

/**
 * What a sign-out control says: a page showing one is signed in, even when its name begins with a
 * sign-in word ("Kirjaudu ulos" begins with "kirjaudu").
 */
export const SIGN_OUT_WORDS: readonly string[] = ['log out', 'logout', 'log off', 'sign out', 'signout', 'kirjaudu ulos', 'logga ut', 'logg ut', 'log ud', 'log af', 'uitloggen', 'afmelden'];
