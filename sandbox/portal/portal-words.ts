/**
 * The portal look-alike's own words in the six languages Bridgekeeper speaks (style.language). The
 * English ones are those the portal has always used; Visma's pages and the job log stay in English,
 * as Visma's and DataBridge's do whatever the portal's language.
 */
export const PORTAL_LANGUAGES = ['en', 'fi', 'sv', 'nb', 'da', 'nl'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

export interface PortalWords {
  htmlLang: string;
  // Sign-in
  signInTitle: string;
  email: string;
  password: string;
  signIn: string;
  wrongPassword: string;
  logInTitle: string;
  logInWithSuperOffice: string;
  logInWithEmail: string;
  logInWithEmailTitle: string;
  logIn: string;
  superOfficeOff: string;
  noPortalUser: (email: string) => string;
  signedInAs: (user: string) => string;
  // Integrations
  integrations: string;
  needsAttention: string;
  attentionNote: (count: number) => string;
  exportsTo: (company: string) => string;
  importsFrom: (company: string) => string;
  allIntegrations: string;
  // The site navigation (the list and integration pages)
  mainNav: string;
  settings: string;
  help: string;
  // The integrations list: table headers, the rows' words, cards, paging
  name: string;
  direction: string;
  status: string;
  actions: string;
  exportWord: string;
  importWord: string;
  edit: string;
  open: string;
  openName: (name: string) => string;
  pagesNav: string;
  previous: string;
  next: string;
  previousPage: string;
  nextPage: string;
  showMore: string;
  // The Visma.net connection
  connected: string;
  connectedAs: (user: string, company: string) => string;
  notConnected: string;
  oldStyle: string;
  unknownUser: string;
  noCompany: string;
  saved: string;
  connectedTo: (email: string) => string;
  vismaSaid: (error: string) => string;
  notAccepted: (code: string) => string;
  wrongCompanyTitle: string;
  wrongCompany: (picked: string, wanted: string) => string;
  wrongCompanyDetail: (connectLabel: string) => string;
  wrongUserTitle: string;
  wrongUser: (loggedIn: string, wanted: string) => string;
  wrongUserDetail: string;
  backTo: (name: string) => string;
  waitingForPopup: string;
  allowPopups: (connectLabel: string) => string;
  somethingWentWrong: string;
  couldNotSave: string;
  formExpired: string;
  formExpiredDetail: string;
  notFoundTitle: string;
  notFound: string;
  forbiddenTitle: string;
  forbidden: string;
  notInProgressTitle: string;
  notInProgress: string;
  // The decoy: SuperOffice's own connection
  superOffice: string;
  superOfficeFine: string;
  // Jobs
  jobs: string;
  runJobNow: string;
  jobLog: string;
  noJobYet: string;
  lastJob: (at: string, message: string) => string;
}

const en: PortalWords = {
  htmlLang: 'en',
  signInTitle: 'Sign in to DataBridge',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  wrongPassword: 'Wrong email or password.',
  logInTitle: 'Log in',
  logInWithSuperOffice: 'Log in with SuperOffice',
  logInWithEmail: 'Log in with email',
  logInWithEmailTitle: 'Log in with email',
  logIn: 'Log in',
  superOfficeOff: 'Log in with SuperOffice is not available for this portal. Log in with email.',
  noPortalUser: (email) => `${email} has no DataBridge user. Ask your administrator.`,
  signedInAs: (user) => `Signed in as ${user}`,
  integrations: 'Integrations',
  needsAttention: 'needs your attention',
  attentionNote: (n) => `${n} integration${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} your attention.`,
  exportsTo: (company) => `Exports to Visma.net company ${company}.`,
  importsFrom: (company) => `Imports from Visma.net company ${company}.`,
  allIntegrations: 'All integrations',
  mainNav: 'Main',
  settings: 'Settings',
  help: 'Help',
  name: 'Name',
  direction: 'Direction',
  status: 'Status',
  actions: 'Actions',
  exportWord: 'Export',
  importWord: 'Import',
  edit: 'Edit',
  open: 'Open',
  openName: (name) => `Open ${name}`,
  pagesNav: 'Pages',
  previous: 'Previous',
  next: 'Next',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  showMore: 'Show more',
  connected: 'Connected',
  connectedAs: (user, company) => `Connected as ${user} to ${company}`,
  notConnected: 'Not connected',
  oldStyle: 'Old-style connection: reconnect',
  unknownUser: 'an unknown user',
  noCompany: 'no company',
  saved: 'The Visma.net connection is saved.',
  connectedTo: (email) => `Connected to Visma.net as ${email}.`,
  vismaSaid: (error) => `Visma said: ${error}`,
  notAccepted: (code) => `Visma.net did not accept the login: ${code}`,
  wrongCompanyTitle: 'Wrong company',
  wrongCompany: (picked, wanted) => `Wrong company: you picked ${picked}, this integration uses ${wanted}`,
  wrongCompanyDetail: (label) => `The connection was not changed. Press ${label} again and pick the right company.`,
  wrongUserTitle: 'Wrong user',
  wrongUser: (loggedIn, wanted) => `Wrong user: you logged in as ${loggedIn}, this integration uses ${wanted}`,
  wrongUserDetail: 'The connection was not changed. Log in to Visma.net as the integration\'s API user.',
  backTo: (name) => `Back to ${name}`,
  waitingForPopup: 'Waiting for the Visma.net login in the other window…',
  allowPopups: (label) => `Allow pop-ups for this page, then press ${label} again.`,
  somethingWentWrong: 'Something went wrong',
  couldNotSave: 'DataBridge could not save the Visma.net connection. Try again later.',
  formExpired: 'Bad request',
  formExpiredDetail: 'The form has expired or was not sent from DataBridge. Reload the page and try again.',
  notFoundTitle: 'Not found',
  notFound: 'This page does not exist.',
  forbiddenTitle: 'Forbidden',
  forbidden: 'This form was sent from another site.',
  notInProgressTitle: 'Sign-in not in progress',
  notInProgress: 'DataBridge did not start this Visma.net login, or it took too long. Start again from the integration.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'The SuperOffice connection works.',
  jobs: 'Jobs',
  runJobNow: 'Run job now',
  jobLog: 'Job log',
  noJobYet: 'No job has run since the portal started.',
  lastJob: (at, message) => `Last job (${at}): ${message}`,
};

const fi: PortalWords = {
  htmlLang: 'fi',
  signInTitle: 'Kirjaudu DataBridgeen',
  email: 'Sähköposti',
  password: 'Salasana',
  signIn: 'Kirjaudu',
  wrongPassword: 'Väärä sähköposti tai salasana.',
  logInTitle: 'Kirjaudu sisään',
  logInWithSuperOffice: 'Kirjaudu SuperOfficella',
  logInWithEmail: 'Kirjaudu sähköpostilla',
  logInWithEmailTitle: 'Kirjaudu sähköpostilla',
  logIn: 'Kirjaudu sisään',
  superOfficeOff: 'SuperOffice-kirjautuminen ei ole käytössä tässä portaalissa. Kirjaudu sähköpostilla.',
  noPortalUser: (email) => `Käyttäjällä ${email} ei ole DataBridge-tunnusta. Ota yhteyttä ylläpitäjään.`,
  signedInAs: (user) => `Kirjautuneena: ${user}`,
  integrations: 'Integraatiot',
  needsAttention: 'vaatii huomiota',
  attentionNote: (n) => `${n} ${n === 1 ? 'integraatio vaatii' : 'integraatiota vaatii'} huomiota.`,
  exportsTo: (company) => `Vie tiedot Visma.net-yritykseen ${company}.`,
  importsFrom: (company) => `Tuo tiedot Visma.net-yrityksestä ${company}.`,
  allIntegrations: 'Kaikki integraatiot',
  mainNav: 'Päävalikko',
  settings: 'Asetukset',
  help: 'Ohje',
  name: 'Nimi',
  direction: 'Suunta',
  status: 'Tila',
  actions: 'Toiminnot',
  exportWord: 'Vienti',
  importWord: 'Tuonti',
  edit: 'Muokkaa',
  open: 'Avaa',
  openName: (name) => `Avaa ${name}`,
  pagesNav: 'Sivut',
  previous: 'Edellinen',
  next: 'Seuraava',
  previousPage: 'Edellinen sivu',
  nextPage: 'Seuraava sivu',
  showMore: 'Näytä lisää',
  connected: 'Yhdistetty',
  connectedAs: (user, company) => `Yhdistetty käyttäjänä ${user} yritykseen ${company}`,
  notConnected: 'Ei yhdistetty',
  oldStyle: 'Vanhan mallin yhteys: yhdistä uudelleen',
  unknownUser: 'tuntematon käyttäjä',
  noCompany: 'ei yritystä',
  saved: 'Visma.net-yhteys on tallennettu.',
  connectedTo: (email) => `Yhdistetty Visma.netiin käyttäjänä ${email}.`,
  vismaSaid: (error) => `Visma vastasi: ${error}`,
  notAccepted: (code) => `Visma.net ei hyväksynyt kirjautumista: ${code}`,
  wrongCompanyTitle: 'Väärä yritys',
  wrongCompany: (picked, wanted) => `Väärä yritys: valitsit ${picked}, tämä integraatio käyttää yritystä ${wanted}`,
  wrongCompanyDetail: (label) => `Yhteyttä ei muutettu. Paina ${label} uudelleen ja valitse oikea yritys.`,
  wrongUserTitle: 'Väärä käyttäjä',
  wrongUser: (loggedIn, wanted) => `Väärä käyttäjä: kirjauduit käyttäjänä ${loggedIn}, tämä integraatio käyttää käyttäjää ${wanted}`,
  wrongUserDetail: 'Yhteyttä ei muutettu. Kirjaudu Visma.netiin integraation API-käyttäjänä.',
  backTo: (name) => `Takaisin: ${name}`,
  waitingForPopup: 'Odotetaan Visma.net-kirjautumista toisessa ikkunassa…',
  allowPopups: (label) => `Salli ponnahdusikkunat tälle sivulle ja paina ${label} uudelleen.`,
  somethingWentWrong: 'Jokin meni vikaan',
  couldNotSave: 'DataBridge ei voinut tallentaa Visma.net-yhteyttä. Yritä myöhemmin uudelleen.',
  formExpired: 'Virheellinen pyyntö',
  formExpiredDetail: 'Lomake on vanhentunut tai sitä ei lähetetty DataBridgesta. Lataa sivu uudelleen ja yritä uudelleen.',
  notFoundTitle: 'Ei löytynyt',
  notFound: 'Tätä sivua ei ole.',
  forbiddenTitle: 'Kielletty',
  forbidden: 'Tämä lomake lähetettiin toiselta sivustolta.',
  notInProgressTitle: 'Kirjautuminen ei ole käynnissä',
  notInProgress: 'DataBridge ei aloittanut tätä Visma.net-kirjautumista, tai se kesti liian kauan. Aloita uudelleen integraation sivulta.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'SuperOffice-yhteys toimii.',
  jobs: 'Ajot',
  runJobNow: 'Aja nyt',
  jobLog: 'Ajoloki',
  noJobYet: 'Yhtään ajoa ei ole tehty portaalin käynnistymisen jälkeen.',
  lastJob: (at, message) => `Viimeisin ajo (${at}): ${message}`,
};

const sv: PortalWords = {
  htmlLang: 'sv',
  signInTitle: 'Logga in på DataBridge',
  email: 'E-post',
  password: 'Lösenord',
  signIn: 'Logga in',
  wrongPassword: 'Fel e-post eller lösenord.',
  logInTitle: 'Logga in',
  logInWithSuperOffice: 'Logga in med SuperOffice',
  logInWithEmail: 'Logga in med e-post',
  logInWithEmailTitle: 'Logga in med e-post',
  logIn: 'Logga in',
  superOfficeOff: 'Inloggning med SuperOffice är inte tillgänglig för den här portalen. Logga in med e-post.',
  noPortalUser: (email) => `${email} har ingen DataBridge-användare. Kontakta din administratör.`,
  signedInAs: (user) => `Inloggad som ${user}`,
  integrations: 'Integrationer',
  needsAttention: 'behöver åtgärdas',
  attentionNote: (n) => `${n} ${n === 1 ? 'integration behöver' : 'integrationer behöver'} åtgärdas.`,
  exportsTo: (company) => `Exporterar till Visma.net-företaget ${company}.`,
  importsFrom: (company) => `Importerar från Visma.net-företaget ${company}.`,
  allIntegrations: 'Alla integrationer',
  mainNav: 'Huvudmeny',
  settings: 'Inställningar',
  help: 'Hjälp',
  name: 'Namn',
  direction: 'Riktning',
  status: 'Status',
  actions: 'Åtgärder',
  exportWord: 'Export',
  importWord: 'Import',
  edit: 'Redigera',
  open: 'Öppna',
  openName: (name) => `Öppna ${name}`,
  pagesNav: 'Sidor',
  previous: 'Föregående',
  next: 'Nästa',
  previousPage: 'Föregående sida',
  nextPage: 'Nästa sida',
  showMore: 'Visa fler',
  connected: 'Ansluten',
  connectedAs: (user, company) => `Ansluten som ${user} till ${company}`,
  notConnected: 'Inte ansluten',
  oldStyle: 'Anslutning av gammal typ: anslut igen',
  unknownUser: 'en okänd användare',
  noCompany: 'inget företag',
  saved: 'Visma.net-anslutningen är sparad.',
  connectedTo: (email) => `Ansluten till Visma.net som ${email}.`,
  vismaSaid: (error) => `Visma svarade: ${error}`,
  notAccepted: (code) => `Visma.net godtog inte inloggningen: ${code}`,
  wrongCompanyTitle: 'Fel företag',
  wrongCompany: (picked, wanted) => `Fel företag: du valde ${picked}, den här integrationen använder ${wanted}`,
  wrongCompanyDetail: (label) => `Anslutningen ändrades inte. Tryck på ${label} igen och välj rätt företag.`,
  wrongUserTitle: 'Fel användare',
  wrongUser: (loggedIn, wanted) => `Fel användare: du loggade in som ${loggedIn}, den här integrationen använder ${wanted}`,
  wrongUserDetail: 'Anslutningen ändrades inte. Logga in på Visma.net som integrationens API-användare.',
  backTo: (name) => `Tillbaka till ${name}`,
  waitingForPopup: 'Väntar på Visma.net-inloggningen i det andra fönstret…',
  allowPopups: (label) => `Tillåt popup-fönster för sidan och tryck sedan på ${label} igen.`,
  somethingWentWrong: 'Något gick fel',
  couldNotSave: 'DataBridge kunde inte spara Visma.net-anslutningen. Försök igen senare.',
  formExpired: 'Felaktig begäran',
  formExpiredDetail: 'Formuläret har gått ut eller skickades inte från DataBridge. Ladda om sidan och försök igen.',
  notFoundTitle: 'Hittades inte',
  notFound: 'Sidan finns inte.',
  forbiddenTitle: 'Förbjudet',
  forbidden: 'Formuläret skickades från en annan webbplats.',
  notInProgressTitle: 'Ingen inloggning pågår',
  notInProgress: 'DataBridge startade inte den här Visma.net-inloggningen, eller så tog den för lång tid. Börja om från integrationen.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'SuperOffice-anslutningen fungerar.',
  jobs: 'Jobb',
  runJobNow: 'Kör jobbet nu',
  jobLog: 'Jobblogg',
  noJobYet: 'Inget jobb har körts sedan portalen startade.',
  lastJob: (at, message) => `Senaste jobb (${at}): ${message}`,
};

const nb: PortalWords = {
  htmlLang: 'nb',
  signInTitle: 'Logg inn på DataBridge',
  email: 'E-post',
  password: 'Passord',
  signIn: 'Logg inn',
  wrongPassword: 'Feil e-post eller passord.',
  logInTitle: 'Logg inn',
  logInWithSuperOffice: 'Logg inn med SuperOffice',
  logInWithEmail: 'Logg inn med e-post',
  logInWithEmailTitle: 'Logg inn med e-post',
  logIn: 'Logg inn',
  superOfficeOff: 'Innlogging med SuperOffice er ikke tilgjengelig for denne portalen. Logg inn med e-post.',
  noPortalUser: (email) => `${email} har ingen DataBridge-bruker. Kontakt administratoren.`,
  signedInAs: (user) => `Logget inn som ${user}`,
  integrations: 'Integrasjoner',
  needsAttention: 'trenger oppfølging',
  attentionNote: (n) => `${n} ${n === 1 ? 'integrasjon trenger' : 'integrasjoner trenger'} oppfølging.`,
  exportsTo: (company) => `Eksporterer til Visma.net-firmaet ${company}.`,
  importsFrom: (company) => `Importerer fra Visma.net-firmaet ${company}.`,
  allIntegrations: 'Alle integrasjoner',
  mainNav: 'Hovedmeny',
  settings: 'Innstillinger',
  help: 'Hjelp',
  name: 'Navn',
  direction: 'Retning',
  status: 'Status',
  actions: 'Handlinger',
  exportWord: 'Eksport',
  importWord: 'Import',
  edit: 'Rediger',
  open: 'Åpne',
  openName: (name) => `Åpne ${name}`,
  pagesNav: 'Sider',
  previous: 'Forrige',
  next: 'Neste',
  previousPage: 'Forrige side',
  nextPage: 'Neste side',
  showMore: 'Vis flere',
  connected: 'Tilkoblet',
  connectedAs: (user, company) => `Tilkoblet som ${user} til ${company}`,
  notConnected: 'Ikke tilkoblet',
  oldStyle: 'Tilkobling av gammel type: koble til på nytt',
  unknownUser: 'en ukjent bruker',
  noCompany: 'intet firma',
  saved: 'Visma.net-tilkoblingen er lagret.',
  connectedTo: (email) => `Tilkoblet Visma.net som ${email}.`,
  vismaSaid: (error) => `Visma svarte: ${error}`,
  notAccepted: (code) => `Visma.net godtok ikke innloggingen: ${code}`,
  wrongCompanyTitle: 'Feil firma',
  wrongCompany: (picked, wanted) => `Feil firma: du valgte ${picked}, denne integrasjonen bruker ${wanted}`,
  wrongCompanyDetail: (label) => `Tilkoblingen ble ikke endret. Trykk ${label} igjen og velg riktig firma.`,
  wrongUserTitle: 'Feil bruker',
  wrongUser: (loggedIn, wanted) => `Feil bruker: du logget inn som ${loggedIn}, denne integrasjonen bruker ${wanted}`,
  wrongUserDetail: 'Tilkoblingen ble ikke endret. Logg inn på Visma.net som integrasjonens API-bruker.',
  backTo: (name) => `Tilbake til ${name}`,
  waitingForPopup: 'Venter på Visma.net-innloggingen i det andre vinduet…',
  allowPopups: (label) => `Tillat popup-vinduer for denne siden, og trykk ${label} igjen.`,
  somethingWentWrong: 'Noe gikk galt',
  couldNotSave: 'DataBridge kunne ikke lagre Visma.net-tilkoblingen. Prøv igjen senere.',
  formExpired: 'Ugyldig forespørsel',
  formExpiredDetail: 'Skjemaet er utløpt eller ble ikke sendt fra DataBridge. Last inn siden på nytt og prøv igjen.',
  notFoundTitle: 'Ikke funnet',
  notFound: 'Denne siden finnes ikke.',
  forbiddenTitle: 'Forbudt',
  forbidden: 'Skjemaet ble sendt fra et annet nettsted.',
  notInProgressTitle: 'Ingen innlogging pågår',
  notInProgress: 'DataBridge startet ikke denne Visma.net-innloggingen, eller den tok for lang tid. Start på nytt fra integrasjonen.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'SuperOffice-tilkoblingen virker.',
  jobs: 'Jobber',
  runJobNow: 'Kjør jobben nå',
  jobLog: 'Jobblogg',
  noJobYet: 'Ingen jobb har kjørt siden portalen startet.',
  lastJob: (at, message) => `Siste jobb (${at}): ${message}`,
};

const da: PortalWords = {
  htmlLang: 'da',
  signInTitle: 'Log ind på DataBridge',
  email: 'E-mail',
  password: 'Adgangskode',
  signIn: 'Log ind',
  wrongPassword: 'Forkert e-mail eller adgangskode.',
  logInTitle: 'Log ind',
  logInWithSuperOffice: 'Log ind med SuperOffice',
  logInWithEmail: 'Log ind med e-mail',
  logInWithEmailTitle: 'Log ind med e-mail',
  logIn: 'Log ind',
  superOfficeOff: 'Log ind med SuperOffice er ikke tilgængeligt for denne portal. Log ind med e-mail.',
  noPortalUser: (email) => `${email} har ingen DataBridge-bruger. Kontakt din administrator.`,
  signedInAs: (user) => `Logget ind som ${user}`,
  integrations: 'Integrationer',
  needsAttention: 'kræver opmærksomhed',
  attentionNote: (n) => `${n} ${n === 1 ? 'integration kræver' : 'integrationer kræver'} opmærksomhed.`,
  exportsTo: (company) => `Eksporterer til Visma.net-virksomheden ${company}.`,
  importsFrom: (company) => `Importerer fra Visma.net-virksomheden ${company}.`,
  allIntegrations: 'Alle integrationer',
  mainNav: 'Hovedmenu',
  settings: 'Indstillinger',
  help: 'Hjælp',
  name: 'Navn',
  direction: 'Retning',
  status: 'Status',
  actions: 'Handlinger',
  exportWord: 'Eksport',
  importWord: 'Import',
  edit: 'Rediger',
  open: 'Åbn',
  openName: (name) => `Åbn ${name}`,
  pagesNav: 'Sider',
  previous: 'Forrige',
  next: 'Næste',
  previousPage: 'Forrige side',
  nextPage: 'Næste side',
  showMore: 'Vis flere',
  connected: 'Forbundet',
  connectedAs: (user, company) => `Forbundet som ${user} til ${company}`,
  notConnected: 'Ikke forbundet',
  oldStyle: 'Forbindelse af gammel type: forbind igen',
  unknownUser: 'en ukendt bruger',
  noCompany: 'ingen virksomhed',
  saved: 'Visma.net-forbindelsen er gemt.',
  connectedTo: (email) => `Forbundet til Visma.net som ${email}.`,
  vismaSaid: (error) => `Visma svarede: ${error}`,
  notAccepted: (code) => `Visma.net godkendte ikke login: ${code}`,
  wrongCompanyTitle: 'Forkert virksomhed',
  wrongCompany: (picked, wanted) => `Forkert virksomhed: du valgte ${picked}, denne integration bruger ${wanted}`,
  wrongCompanyDetail: (label) => `Forbindelsen blev ikke ændret. Tryk på ${label} igen, og vælg den rigtige virksomhed.`,
  wrongUserTitle: 'Forkert bruger',
  wrongUser: (loggedIn, wanted) => `Forkert bruger: du loggede ind som ${loggedIn}, denne integration bruger ${wanted}`,
  wrongUserDetail: 'Forbindelsen blev ikke ændret. Log ind på Visma.net som integrationens API-bruger.',
  backTo: (name) => `Tilbage til ${name}`,
  waitingForPopup: 'Venter på Visma.net-login i det andet vindue…',
  allowPopups: (label) => `Tillad pop op-vinduer for denne side, og tryk på ${label} igen.`,
  somethingWentWrong: 'Noget gik galt',
  couldNotSave: 'DataBridge kunne ikke gemme Visma.net-forbindelsen. Prøv igen senere.',
  formExpired: 'Ugyldig anmodning',
  formExpiredDetail: 'Formularen er udløbet eller blev ikke sendt fra DataBridge. Genindlæs siden, og prøv igen.',
  notFoundTitle: 'Ikke fundet',
  notFound: 'Siden findes ikke.',
  forbiddenTitle: 'Forbudt',
  forbidden: 'Formularen blev sendt fra et andet websted.',
  notInProgressTitle: 'Intet login i gang',
  notInProgress: 'DataBridge startede ikke dette Visma.net-login, eller det tog for lang tid. Start forfra fra integrationen.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'SuperOffice-forbindelsen virker.',
  jobs: 'Job',
  runJobNow: 'Kør job nu',
  jobLog: 'Joblog',
  noJobYet: 'Der er ikke kørt noget job, siden portalen startede.',
  lastJob: (at, message) => `Seneste job (${at}): ${message}`,
};

const nl: PortalWords = {
  htmlLang: 'nl',
  signInTitle: 'Aanmelden bij DataBridge',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  signIn: 'Aanmelden',
  wrongPassword: 'Onjuist e-mailadres of wachtwoord.',
  logInTitle: 'Inloggen',
  logInWithSuperOffice: 'Inloggen met SuperOffice',
  logInWithEmail: 'Inloggen met e-mail',
  logInWithEmailTitle: 'Inloggen met e-mail',
  logIn: 'Inloggen',
  superOfficeOff: 'Inloggen met SuperOffice is niet beschikbaar voor dit portaal. Log in met e-mail.',
  noPortalUser: (email) => `${email} heeft geen DataBridge-gebruiker. Neem contact op met uw beheerder.`,
  signedInAs: (user) => `Aangemeld als ${user}`,
  integrations: 'Integraties',
  needsAttention: 'vraagt uw aandacht',
  attentionNote: (n) => `${n} ${n === 1 ? 'integratie vraagt' : 'integraties vragen'} uw aandacht.`,
  exportsTo: (company) => `Exporteert naar Visma.net-bedrijf ${company}.`,
  importsFrom: (company) => `Importeert uit Visma.net-bedrijf ${company}.`,
  allIntegrations: 'Alle integraties',
  mainNav: 'Hoofdmenu',
  settings: 'Instellingen',
  help: 'Help',
  name: 'Naam',
  direction: 'Richting',
  status: 'Status',
  actions: 'Acties',
  exportWord: 'Export',
  importWord: 'Import',
  edit: 'Bewerken',
  open: 'Openen',
  openName: (name) => `${name} openen`,
  pagesNav: 'Pagina\'s',
  previous: 'Vorige',
  next: 'Volgende',
  previousPage: 'Vorige pagina',
  nextPage: 'Volgende pagina',
  showMore: 'Meer weergeven',
  connected: 'Verbonden',
  connectedAs: (user, company) => `Verbonden als ${user} met ${company}`,
  notConnected: 'Niet verbonden',
  oldStyle: 'Verbinding van het oude type: opnieuw verbinden',
  unknownUser: 'een onbekende gebruiker',
  noCompany: 'geen bedrijf',
  saved: 'De Visma.net-verbinding is opgeslagen.',
  connectedTo: (email) => `Verbonden met Visma.net als ${email}.`,
  vismaSaid: (error) => `Visma antwoordde: ${error}`,
  notAccepted: (code) => `Visma.net heeft de aanmelding niet geaccepteerd: ${code}`,
  wrongCompanyTitle: 'Verkeerd bedrijf',
  wrongCompany: (picked, wanted) => `Verkeerd bedrijf: u koos ${picked}, deze integratie gebruikt ${wanted}`,
  wrongCompanyDetail: (label) => `De verbinding is niet gewijzigd. Druk opnieuw op ${label} en kies het juiste bedrijf.`,
  wrongUserTitle: 'Verkeerde gebruiker',
  wrongUser: (loggedIn, wanted) => `Verkeerde gebruiker: u bent ingelogd als ${loggedIn}, deze integratie gebruikt ${wanted}`,
  wrongUserDetail: 'De verbinding is niet gewijzigd. Log in bij Visma.net als de API-gebruiker van de integratie.',
  backTo: (name) => `Terug naar ${name}`,
  waitingForPopup: 'Wachten op de Visma.net-aanmelding in het andere venster…',
  allowPopups: (label) => `Sta pop-ups toe voor deze pagina en druk opnieuw op ${label}.`,
  somethingWentWrong: 'Er is iets misgegaan',
  couldNotSave: 'DataBridge kon de Visma.net-verbinding niet opslaan. Probeer het later opnieuw.',
  formExpired: 'Ongeldig verzoek',
  formExpiredDetail: 'Het formulier is verlopen of niet vanuit DataBridge verstuurd. Laad de pagina opnieuw en probeer het nog eens.',
  notFoundTitle: 'Niet gevonden',
  notFound: 'Deze pagina bestaat niet.',
  forbiddenTitle: 'Verboden',
  forbidden: 'Dit formulier is vanaf een andere site verstuurd.',
  notInProgressTitle: 'Geen aanmelding bezig',
  notInProgress: 'DataBridge is deze Visma.net-aanmelding niet gestart, of het duurde te lang. Begin opnieuw vanaf de integratie.',
  superOffice: 'SuperOffice',
  superOfficeFine: 'De SuperOffice-verbinding werkt.',
  jobs: 'Taken',
  runJobNow: 'Taak nu uitvoeren',
  jobLog: 'Takenlogboek',
  noJobYet: 'Er is nog geen taak uitgevoerd sinds het portaal is gestart.',
  lastJob: (at, message) => `Laatste taak (${at}): ${message}`,
};

const WORDS: Record<PortalLanguage, PortalWords> = { en, fi, sv, nb, da, nl };

export const portalWords = (language: PortalLanguage): PortalWords => WORDS[language];
