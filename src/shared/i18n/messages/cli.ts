import { defineMessages } from '../define-messages';

/**
 * The Severa check's command line (bridgekeeper-severa-check): its help, what it says about bad
 * input, and what it wrote. Options, formats and codes stay as they are typed.
 */
const en = {
  'cli.usage': `Usage: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [options]

Checks, for every Azets Work user, whether opening Visma Severa from the Azets Work portal will
work (Severa matches users by exactly the same email address), why not, and how to fix it.

Options:
  --azets FILE                 Azets Work user export: an .xlsx workbook or CSV (, ; or tab;
                               UTF-8, UTF-16 or Windows-1252), recognised by content
  --severa FILE                Severa user export (needs an email and an active column)
  --azets-sheet NAME           the workbook's sheet to read (default: the first)
  --severa-sheet NAME
  --addon active|inactive|unknown
                               the organization's Azets Work add-on in Severa (default: unknown)
  --org-uses-severa yes|no|unknown
                               whether the organization still uses Severa (default: unknown)
  --format table|csv|json|xlsx report format (default: table; xlsx needs --out)
  --delimiter ,|;|tab          the CSV report's delimiter (default: what Excel expects in
                               the language's locale: ; where the decimal separator is a comma)
  --out FILE                   write the report to FILE instead of standard output
  --azets-column FIELD=HEADER  which header holds a field, when the name is not recognised;
  --severa-column FIELD=HEADER FIELD is one of {fields}; an empty HEADER
                               says the file has no such column (e.g. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     the language of the help, messages, table and CSV (default: the
                               system's); the JSON report is the same in every language
  -h, --help                   show this help

Exit status: 0 every Azets Work user is OK, 1 some would fail, 2 bad input.
`,
  'cli.error.arguments': 'the options could not be read: {detail}',
  'cli.error.oneOf': '{option} must be one of {allowed}, not "{value}"',
  'cli.error.column': '{option} takes FIELD=HEADER with FIELD one of {fields}, not "{value}"',
  'cli.error.bothFiles': 'both --azets and --severa are needed',
  'cli.error.xlsxNeedsOut': '--format xlsx writes a workbook: name it with --out FILE',
  'cli.error.fileMissing': '{file}: cannot read the file (it does not exist)',
  'cli.error.fileUnreadable': '{file}: cannot read the file ({code})',
  'cli.error.cannotWrite': '{file}: cannot write the report ({code})',
  'cli.error.seeHelp': 'Run with --help for the options.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# pair of addresses differs} other {# pairs of addresses differ}} in a way this check cannot name (Azets Work {rows}): none is called OK. Please report this as a bug.",
  'cli.problems.more': '…and {count, plural, one {# more} other {# more}}',
  'cli.wrote':
    'Wrote the report to {file}: {azets, plural, one {# Azets Work user} other {# Azets Work users}}, {failing, plural, one {# would} other {# would}} not get into Severa.',
} as const;

type Translation = Record<keyof typeof en, string>;

const fi: Translation = {
  'cli.usage': `Käyttö: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [valinnat]

Tarkistaa jokaisesta Azets Work -käyttäjästä, aukeaako Visma Severa Azets Work -portaalista
(Severa tunnistaa käyttäjät täsmälleen samasta sähköpostiosoitteesta), miksi ei, ja miten se korjataan.

Valinnat:
  --azets TIEDOSTO             Azets Workin käyttäjävienti: .xlsx-työkirja tai CSV (, ; tai sarkain;
                               UTF-8, UTF-16 tai Windows-1252), tunnistetaan sisällöstä
  --severa TIEDOSTO            Severan käyttäjävienti (tarvitsee sähköposti- ja aktiivisuussarakkeen)
  --azets-sheet NIMI           luettava työkirjan taulukko (oletus: ensimmäinen)
  --severa-sheet NIMI
  --addon active|inactive|unknown
                               organisaation Azets Work -lisäosa Severassa (oletus: unknown)
  --org-uses-severa yes|no|unknown
                               käyttääkö organisaatio yhä Severaa (oletus: unknown)
  --format table|csv|json|xlsx raportin muoto (oletus: table; xlsx tarvitsee valinnan --out)
  --delimiter ,|;|tab          CSV-raportin erotin (oletus: mitä Excel odottaa kielen
                               maa-asetuksessa: ; kun desimaalierotin on pilkku)
  --out TIEDOSTO               kirjoita raportti tiedostoon vakiotulosteen sijaan
  --azets-column KENTTÄ=OTSIKKO mikä otsikko sisältää kentän, kun nimeä ei tunnisteta;
  --severa-column KENTTÄ=OTSIKKO KENTTÄ on yksi näistä: {fields}; tyhjä OTSIKKO
                               kertoo, ettei tiedostossa ole saraketta (esim. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     ohjeen, viestien, taulukon ja CSV:n kieli (oletus: järjestelmän);
                               JSON-raportti on sama kaikilla kielillä
  -h, --help                   näytä tämä ohje

Paluuarvo: 0 jokainen Azets Work -käyttäjä on OK, 1 joku ei pääse sisään, 2 virheellinen syöte.
`,
  'cli.error.arguments': 'valintoja ei voitu lukea: {detail}',
  'cli.error.oneOf': '{option} pitää olla yksi näistä: {allowed}, ei "{value}"',
  'cli.error.column': '{option} ottaa muodon KENTTÄ=OTSIKKO, jossa KENTTÄ on yksi näistä: {fields}, ei "{value}"',
  'cli.error.bothFiles': 'tarvitaan sekä --azets että --severa',
  'cli.error.xlsxNeedsOut': '--format xlsx kirjoittaa työkirjan: nimeä se valinnalla --out TIEDOSTO',
  'cli.error.fileMissing': '{file}: tiedostoa ei voi lukea (sitä ei ole)',
  'cli.error.fileUnreadable': '{file}: tiedostoa ei voi lukea ({code})',
  'cli.error.cannotWrite': '{file}: raporttia ei voi kirjoittaa ({code})',
  'cli.error.seeHelp': 'Valinnat näet komennolla --help.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# osoitepari eroaa} other {# osoiteparia eroaa}} tavalla, jota tämä tarkistus ei osaa nimetä (Azets Work {rows}): yhtäkään ei ilmoiteta kunnossa olevaksi. Ilmoita tästä virheenä.",
  'cli.problems.more': '…ja {count, plural, one {# muu} other {# muuta}}',
  'cli.wrote': 'Raportti kirjoitettiin tiedostoon {file}: {azets, plural, one {# Azets Work -käyttäjä} other {# Azets Work -käyttäjää}}, joista {failing, plural, one {# ei pääse} other {# ei pääse}} Severaan.',
};

const sv: Translation = {
  'cli.usage': `Användning: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [alternativ]

Kontrollerar för varje Azets Work-användare om Visma Severa går att öppna från Azets Work-portalen
(Severa matchar användare på exakt samma e-postadress), varför inte, och hur det rättas.

Alternativ:
  --azets FIL                  användarexport från Azets Work: en .xlsx-arbetsbok eller CSV (, ; eller
                               tabb; UTF-8, UTF-16 eller Windows-1252), känns igen på innehållet
  --severa FIL                 användarexport från Severa (behöver en e-postkolumn och en aktivitetskolumn)
  --azets-sheet NAMN           arbetsbokens blad att läsa (standard: det första)
  --severa-sheet NAMN
  --addon active|inactive|unknown
                               organisationens Azets Work-tillägg i Severa (standard: unknown)
  --org-uses-severa yes|no|unknown
                               om organisationen fortfarande använder Severa (standard: unknown)
  --format table|csv|json|xlsx rapportformat (standard: table; xlsx kräver --out)
  --delimiter ,|;|tab          CSV-rapportens avgränsare (standard: det Excel förväntar sig i
                               språkets region: ; där decimaltecknet är komma)
  --out FIL                    skriv rapporten till FIL i stället för standard ut
  --azets-column FÄLT=RUBRIK   vilken rubrik som innehåller ett fält, när namnet inte känns igen;
  --severa-column FÄLT=RUBRIK  FÄLT är ett av {fields}; en tom RUBRIK
                               anger att filen saknar kolumnen (t.ex. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     språk för hjälpen, meddelandena, tabellen och CSV (standard:
                               systemets); JSON-rapporten är densamma på alla språk
  -h, --help                   visa den här hjälpen

Slutstatus: 0 alla Azets Work-användare är OK, 1 några skulle misslyckas, 2 felaktig indata.
`,
  'cli.error.arguments': 'alternativen kunde inte läsas: {detail}',
  'cli.error.oneOf': '{option} måste vara ett av {allowed}, inte "{value}"',
  'cli.error.column': '{option} tar FÄLT=RUBRIK med FÄLT ett av {fields}, inte "{value}"',
  'cli.error.bothFiles': 'både --azets och --severa behövs',
  'cli.error.xlsxNeedsOut': '--format xlsx skriver en arbetsbok: namnge den med --out FIL',
  'cli.error.fileMissing': '{file}: filen kan inte läsas (den finns inte)',
  'cli.error.fileUnreadable': '{file}: filen kan inte läsas ({code})',
  'cli.error.cannotWrite': '{file}: rapporten kan inte skrivas ({code})',
  'cli.error.seeHelp': 'Kör med --help för att se alternativen.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# adresspar skiljer sig} other {# adresspar skiljer sig}} på ett sätt som kontrollen inte kan namnge (Azets Work {rows}): inget kallas OK. Rapportera detta som ett fel.",
  'cli.problems.more': '…och {count, plural, one {# till} other {# till}}',
  'cli.wrote': 'Skrev rapporten till {file}: {azets, plural, one {# Azets Work-användare} other {# Azets Work-användare}}, {failing, plural, one {# skulle} other {# skulle}} inte komma in i Severa.',
};

const nb: Translation = {
  'cli.usage': `Bruk: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [valg]

Kontrollerer for hver Azets Work-bruker om Visma Severa kan åpnes fra Azets Work-portalen
(Severa matcher brukere på nøyaktig samme e-postadresse), hvorfor ikke, og hvordan det rettes.

Valg:
  --azets FIL                  brukereksport fra Azets Work: en .xlsx-arbeidsbok eller CSV (, ; eller
                               tabulator; UTF-8, UTF-16 eller Windows-1252), gjenkjent på innholdet
  --severa FIL                 brukereksport fra Severa (trenger en e-postkolonne og en aktivitetskolonne)
  --azets-sheet NAVN           arket i arbeidsboken som skal leses (standard: det første)
  --severa-sheet NAVN
  --addon active|inactive|unknown
                               organisasjonens Azets Work-tillegg i Severa (standard: unknown)
  --org-uses-severa yes|no|unknown
                               om organisasjonen fortsatt bruker Severa (standard: unknown)
  --format table|csv|json|xlsx rapportformat (standard: table; xlsx krever --out)
  --delimiter ,|;|tab          skilletegnet i CSV-rapporten (standard: det Excel forventer i
                               språkets region: ; der desimaltegnet er komma)
  --out FIL                    skriv rapporten til FIL i stedet for standard ut
  --azets-column FELT=OVERSKRIFT hvilken overskrift som inneholder et felt, når navnet ikke gjenkjennes;
  --severa-column FELT=OVERSKRIFT FELT er ett av {fields}; en tom OVERSKRIFT
                               sier at filen ikke har kolonnen (f.eks. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     språket i hjelpen, meldingene, tabellen og CSV (standard:
                               systemets); JSON-rapporten er den samme på alle språk
  -h, --help                   vis denne hjelpen

Avslutningsstatus: 0 alle Azets Work-brukere er OK, 1 noen vil mislykkes, 2 ugyldige inndata.
`,
  'cli.error.arguments': 'valgene kunne ikke leses: {detail}',
  'cli.error.oneOf': '{option} må være ett av {allowed}, ikke "{value}"',
  'cli.error.column': '{option} tar FELT=OVERSKRIFT med FELT ett av {fields}, ikke "{value}"',
  'cli.error.bothFiles': 'både --azets og --severa trengs',
  'cli.error.xlsxNeedsOut': '--format xlsx skriver en arbeidsbok: gi den navn med --out FIL',
  'cli.error.fileMissing': '{file}: filen kan ikke leses (den finnes ikke)',
  'cli.error.fileUnreadable': '{file}: filen kan ikke leses ({code})',
  'cli.error.cannotWrite': '{file}: rapporten kan ikke skrives ({code})',
  'cli.error.seeHelp': 'Kjør med --help for å se valgene.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# adressepar er forskjellig} other {# adressepar er forskjellige}} på en måte kontrollen ikke kan navngi (Azets Work {rows}): ingen kalles OK. Meld fra om dette som en feil.",
  'cli.problems.more': '…og {count, plural, one {# til} other {# til}}',
  'cli.wrote': 'Skrev rapporten til {file}: {azets, plural, one {# Azets Work-bruker} other {# Azets Work-brukere}}, {failing, plural, one {# ville} other {# ville}} ikke kommet inn i Severa.',
};

const da: Translation = {
  'cli.usage': `Brug: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [indstillinger]

Kontrollerer for hver Azets Work-bruger, om Visma Severa kan åbnes fra Azets Work-portalen
(Severa matcher brugere på præcis samme e-mailadresse), hvorfor ikke, og hvordan det rettes.

Indstillinger:
  --azets FIL                  brugereksport fra Azets Work: en .xlsx-projektmappe eller CSV (, ; eller
                               tabulator; UTF-8, UTF-16 eller Windows-1252), genkendt på indholdet
  --severa FIL                 brugereksport fra Severa (skal have en e-mailkolonne og en aktivitetskolonne)
  --azets-sheet NAVN           det ark i projektmappen, der skal læses (standard: det første)
  --severa-sheet NAVN
  --addon active|inactive|unknown
                               organisationens Azets Work-tilføjelse i Severa (standard: unknown)
  --org-uses-severa yes|no|unknown
                               om organisationen stadig bruger Severa (standard: unknown)
  --format table|csv|json|xlsx rapportformat (standard: table; xlsx kræver --out)
  --delimiter ,|;|tab          CSV-rapportens skilletegn (standard: det Excel forventer i
                               sprogets region: ; hvor decimaltegnet er komma)
  --out FIL                    skriv rapporten til FIL i stedet for standard-output
  --azets-column FELT=OVERSKRIFT hvilken overskrift der indeholder et felt, når navnet ikke genkendes;
  --severa-column FELT=OVERSKRIFT FELT er et af {fields}; en tom OVERSKRIFT
                               angiver, at filen ikke har kolonnen (f.eks. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     sproget i hjælpen, meddelelserne, tabellen og CSV (standard:
                               systemets); JSON-rapporten er den samme på alle sprog
  -h, --help                   vis denne hjælp

Afslutningsstatus: 0 alle Azets Work-brugere er OK, 1 nogle vil fejle, 2 ugyldigt input.
`,
  'cli.error.arguments': 'indstillingerne kunne ikke læses: {detail}',
  'cli.error.oneOf': '{option} skal være et af {allowed}, ikke "{value}"',
  'cli.error.column': '{option} tager FELT=OVERSKRIFT med FELT et af {fields}, ikke "{value}"',
  'cli.error.bothFiles': 'både --azets og --severa er nødvendige',
  'cli.error.xlsxNeedsOut': '--format xlsx skriver en projektmappe: navngiv den med --out FIL',
  'cli.error.fileMissing': '{file}: filen kan ikke læses (den findes ikke)',
  'cli.error.fileUnreadable': '{file}: filen kan ikke læses ({code})',
  'cli.error.cannotWrite': '{file}: rapporten kan ikke skrives ({code})',
  'cli.error.seeHelp': 'Kør med --help for at se indstillingerne.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# adressepar afviger} other {# adressepar afviger}} på en måde, som kontrollen ikke kan navngive (Azets Work {rows}): ingen kaldes OK. Rapportér dette som en fejl.",
  'cli.problems.more': '…og {count, plural, one {# mere} other {# mere}}',
  'cli.wrote': 'Skrev rapporten til {file}: {azets, plural, one {# Azets Work-bruger} other {# Azets Work-brugere}}, {failing, plural, one {# ville} other {# ville}} ikke komme ind i Severa.',
};

const nl: Translation = {
  'cli.usage': `Gebruik: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [opties]

Controleert voor elke Azets Work-gebruiker of Visma Severa vanuit de Azets Work-portal te openen is
(Severa koppelt gebruikers op precies hetzelfde e-mailadres), waarom niet, en hoe het op te lossen.

Opties:
  --azets BESTAND              gebruikersexport van Azets Work: een .xlsx-werkmap of CSV (, ; of tab;
                               UTF-8, UTF-16 of Windows-1252), herkend aan de inhoud
  --severa BESTAND             gebruikersexport van Severa (heeft een e-mailkolom en een kolom voor actief nodig)
  --azets-sheet NAAM           het werkblad van de werkmap dat gelezen wordt (standaard: het eerste)
  --severa-sheet NAAM
  --addon active|inactive|unknown
                               de Azets Work-add-on van de organisatie in Severa (standaard: unknown)
  --org-uses-severa yes|no|unknown
                               of de organisatie Severa nog gebruikt (standaard: unknown)
  --format table|csv|json|xlsx rapportformaat (standaard: table; xlsx vereist --out)
  --delimiter ,|;|tab          het scheidingsteken van het CSV-rapport (standaard: wat Excel verwacht
                               in de regio van de taal: ; waar het decimaalteken een komma is)
  --out BESTAND                schrijf het rapport naar BESTAND in plaats van standaarduitvoer
  --azets-column VELD=KOP      welke kolomkop een veld bevat, als de naam niet herkend wordt;
  --severa-column VELD=KOP     VELD is een van {fields}; een lege KOP
                               zegt dat het bestand de kolom niet heeft (bijv. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     de taal van de hulp, de meldingen, de tabel en CSV (standaard: die
                               van het systeem); het JSON-rapport is in elke taal hetzelfde
  -h, --help                   deze hulp tonen

Afsluitstatus: 0 elke Azets Work-gebruiker is OK, 1 sommigen zouden mislukken, 2 ongeldige invoer.
`,
  'cli.error.arguments': 'de opties konden niet worden gelezen: {detail}',
  'cli.error.oneOf': '{option} moet een van {allowed} zijn, niet "{value}"',
  'cli.error.column': '{option} verwacht VELD=KOP met VELD een van {fields}, niet "{value}"',
  'cli.error.bothFiles': 'zowel --azets als --severa is nodig',
  'cli.error.xlsxNeedsOut': '--format xlsx schrijft een werkmap: geef die een naam met --out BESTAND',
  'cli.error.fileMissing': '{file}: het bestand kan niet worden gelezen (het bestaat niet)',
  'cli.error.fileUnreadable': '{file}: het bestand kan niet worden gelezen ({code})',
  'cli.error.cannotWrite': '{file}: het rapport kan niet worden geschreven ({code})',
  'cli.error.seeHelp': 'Gebruik --help voor de opties.',
  'cli.unexplained': "bridgekeeper-severa-check: {count, plural, one {# adrespaar verschilt} other {# adresparen verschillen}} op een manier die deze controle niet kan benoemen (Azets Work {rows}): geen ervan heet OK. Meld dit als fout.",
  'cli.problems.more': '…en nog {count, plural, one {#} other {#}}',
  'cli.wrote': 'Rapport geschreven naar {file}: {azets, plural, one {# Azets Work-gebruiker} other {# Azets Work-gebruikers}}, van wie {failing, plural, one {# niet in Severa zou komen} other {# niet in Severa zouden komen}}.',
};

export const cli = defineMessages(en, { fi, sv, nb, da, nl });
