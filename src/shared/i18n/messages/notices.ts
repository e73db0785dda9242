import { defineMessages } from '../define-messages';

/** Notices: what the user must know that is not the answer to a click, and the notice bar. */
export const notices = defineMessages(
  {
    'notices.revoke-failed':
      'Deleted {names}, but Visma could not revoke {count, plural, one {its token} other {their tokens}} ({detail}). The keychain {count, plural, one {entry is} other {entries are}} gone all the same.',
    'notices.bulk-interrupted':
      'A bulk reconnect was interrupted with {count, plural, one {# profile} other {# profiles}} left. Open Bulk reconnect to resume it; the profiles already done stay connected.',
    'notices.no-keychain':
      'No working keychain was found: tokens are kept in memory only and are forgotten when Bridgekeeper closes. On Linux, install and unlock a Secret Service such as gnome-keyring.',
    'notices.no-keychain.reason':
      'No working keychain was found ({reason}): tokens are kept in memory only and are forgotten when Bridgekeeper closes. On Linux, install and unlock a Secret Service such as gnome-keyring.',
    'notices.old-base-url':
      '{environment} still calls the Visma.net ERP API at integration.visma.net, the old address: Visma throttles it (HTTP 429 after about 500 calls per hour) and is switching it off. Change its API base URL to https://api.finance.visma.net and its verify path to /v1/organization ({count, plural, one {# profile uses} other {# profiles use}} it).',
    'notices.access-ended':
      'Visma ended every connection of {user}: reconnect these {count, number} profiles ({names}{more, plural, =0 {} other { and # more}}). This is what Visma does when a refresh token of the user is used twice; the profiles of other users are not affected.',
    'notices.reconnect': 'Reconnect {count, plural, one {this profile} other {these # profiles}}…',
    'notices.bulk-label': 'The profiles this notice names',
    'notices.settings-newer':
      'Your settings were written by a newer Bridgekeeper (settings version {found}; this one reads up to version {supported}). This Bridgekeeper leaves them exactly as they are: nothing you change here is saved until you use the newer Bridgekeeper again. {shown, select, profiles {Your profiles are shown as this version can read them.} other {This version cannot read their profiles, so none are shown.}}',
    'notices.settings-newer.not-saved':
      'Not saved: your settings were written by a newer Bridgekeeper (settings version {found}; this one reads up to version {supported}), and this one does not change them. Make this change in the newer Bridgekeeper.',
    'notices.dismiss': 'Dismiss',
  },
  {
    fi: {
      'notices.revoke-failed':
        'Poistettiin {names}, mutta Visma ei voinut mitätöidä {count, plural, one {sen tunnistetta} other {niiden tunnisteita}} ({detail}). {count, plural, one {Avainnipun merkintä on} other {Avainnipun merkinnät on}} silti poistettu.',
      'notices.bulk-interrupted':
        'Joukkoyhdistäminen keskeytyi, ja jäljellä on {count, plural, one {# profiili} other {# profiilia}}. Jatka sitä avaamalla Joukkoyhdistäminen; jo käsitellyt profiilit pysyvät yhdistettyinä.',
      'notices.no-keychain':
        'Toimivaa avainnippua ei löytynyt: tunnisteet pidetään vain muistissa, ja ne unohtuvat, kun Bridgekeeper suljetaan. Asenna Linuxissa Secret Service -palvelu, kuten gnome-keyring, ja avaa sen lukitus.',
      'notices.no-keychain.reason':
        'Toimivaa avainnippua ei löytynyt ({reason}): tunnisteet pidetään vain muistissa, ja ne unohtuvat, kun Bridgekeeper suljetaan. Asenna Linuxissa Secret Service -palvelu, kuten gnome-keyring, ja avaa sen lukitus.',
      'notices.old-base-url':
        '{environment} kutsuu yhä Visma.net ERP -rajapintaa vanhassa osoitteessa integration.visma.net: Visma rajoittaa sitä (HTTP 429 noin 500 kutsun jälkeen tunnissa) ja sulkee sen. Vaihda API-perusosoitteeksi https://api.finance.visma.net ja tarkistuspoluksi /v1/organization ({count, plural, one {# profiili käyttää} other {# profiilia käyttää}} sitä).',
      'notices.access-ended':
        'Visma katkaisi kaikki käyttäjän {user} yhteydet: yhdistä nämä {count, number} profiilia uudelleen ({names}{more, plural, =0 {} other { ja # muuta}}). Näin Visma toimii, kun käyttäjän refresh-tunnistetta käytetään kahdesti; muiden käyttäjien profiileihin tämä ei vaikuta.',
      'notices.reconnect': 'Yhdistä {count, plural, one {tämä profiili} other {nämä # profiilia}} uudelleen…',
      'notices.bulk-label': 'Tämän ilmoituksen mainitsemat profiilit',
      'notices.settings-newer':
        'Asetuksesi on kirjoittanut uudempi Bridgekeeper (asetusversio {found}; tämä lukee versioon {supported} asti). Tämä Bridgekeeper jättää ne täsmälleen ennalleen: mitään täällä tekemiäsi muutoksia ei tallenneta, ennen kuin käytät taas uudempaa Bridgekeeperiä. {shown, select, profiles {Profiilisi näytetään sellaisina kuin tämä versio pystyy ne lukemaan.} other {Tämä versio ei pysty lukemaan niiden profiileja, joten profiileja ei näytetä.}}',
      'notices.settings-newer.not-saved':
        'Ei tallennettu: asetuksesi on kirjoittanut uudempi Bridgekeeper (asetusversio {found}; tämä lukee versioon {supported} asti), eikä tämä muuta niitä. Tee tämä muutos uudemmassa Bridgekeeperissä.',
      'notices.dismiss': 'Sulje',
    },
    sv: {
      'notices.revoke-failed':
        'Tog bort {names}, men Visma kunde inte återkalla {count, plural, one {dess token} other {deras token}} ({detail}). {count, plural, one {Posten i nyckelringen är} other {Posterna i nyckelringen är}} borta ändå.',
      'notices.bulk-interrupted':
        'En återanslutning i grupp avbröts med {count, plural, one {# profil} other {# profiler}} kvar. Öppna Återanslut i grupp för att fortsätta; profilerna som redan är klara förblir anslutna.',
      'notices.no-keychain':
        'Ingen fungerande nyckelring hittades: token hålls bara i minnet och glöms när Bridgekeeper stängs. På Linux, installera och lås upp en Secret Service som gnome-keyring.',
      'notices.no-keychain.reason':
        'Ingen fungerande nyckelring hittades ({reason}): token hålls bara i minnet och glöms när Bridgekeeper stängs. På Linux, installera och lås upp en Secret Service som gnome-keyring.',
      'notices.old-base-url':
        '{environment} anropar fortfarande Visma.net ERP API på integration.visma.net, den gamla adressen: Visma begränsar den (HTTP 429 efter cirka 500 anrop per timme) och stänger av den. Ändra dess API-basadress till https://api.finance.visma.net och dess verifieringssökväg till /v1/organization ({count, plural, one {# profil använder} other {# profiler använder}} den).',
      'notices.access-ended':
        'Visma avslutade alla anslutningar för {user}: återanslut dessa {count, number} profiler ({names}{more, plural, =0 {} other { och # till}}). Så gör Visma när en refresh token för användaren används två gånger; andra användares profiler påverkas inte.',
      'notices.reconnect': 'Återanslut {count, plural, one {den här profilen} other {dessa # profiler}}…',
      'notices.bulk-label': 'Profilerna som det här meddelandet nämner',
      'notices.settings-newer':
        'Dina inställningar skrevs av en nyare Bridgekeeper (inställningsversion {found}; den här läser upp till version {supported}). Den här Bridgekeeper lämnar dem precis som de är: inget du ändrar här sparas förrän du använder den nyare Bridgekeeper igen. {shown, select, profiles {Dina profiler visas så som den här versionen kan läsa dem.} other {Den här versionen kan inte läsa profilerna, så inga visas.}}',
      'notices.settings-newer.not-saved':
        'Inte sparat: dina inställningar skrevs av en nyare Bridgekeeper (inställningsversion {found}; den här läser upp till version {supported}), och den här ändrar dem inte. Gör ändringen i den nyare Bridgekeeper.',
      'notices.dismiss': 'Stäng',
    },
    nb: {
      'notices.revoke-failed':
        'Slettet {names}, men Visma kunne ikke tilbakekalle {count, plural, one {tokenet} other {tokenene}} ({detail}). {count, plural, one {Oppføringen i nøkkelringen er} other {Oppføringene i nøkkelringen er}} borte likevel.',
      'notices.bulk-interrupted':
        'En massegjenoppkobling ble avbrutt med {count, plural, one {# profil} other {# profiler}} igjen. Åpne Massegjenoppkobling for å fortsette; profilene som allerede er ferdige, forblir tilkoblet.',
      'notices.no-keychain':
        'Fant ingen nøkkelring som virker: tokenene holdes bare i minnet og glemmes når Bridgekeeper lukkes. På Linux, installer og lås opp en Secret Service som gnome-keyring.',
      'notices.no-keychain.reason':
        'Fant ingen nøkkelring som virker ({reason}): tokenene holdes bare i minnet og glemmes når Bridgekeeper lukkes. På Linux, installer og lås opp en Secret Service som gnome-keyring.',
      'notices.old-base-url':
        '{environment} kaller fortsatt Visma.net ERP API på integration.visma.net, den gamle adressen: Visma struper den (HTTP 429 etter rundt 500 kall i timen) og slår den av. Endre API-baseadressen til https://api.finance.visma.net og bekreftelsesstien til /v1/organization ({count, plural, one {# profil bruker} other {# profiler bruker}} den).',
      'notices.access-ended':
        'Visma avsluttet alle tilkoblingene til {user}: koble disse {count, number} profilene til på nytt ({names}{more, plural, =0 {} other { og # til}}). Slik gjør Visma når et refresh-token for brukeren brukes to ganger; andre brukeres profiler berøres ikke.',
      'notices.reconnect': 'Koble til {count, plural, one {denne profilen} other {disse # profilene}} på nytt…',
      'notices.bulk-label': 'Profilene denne meldingen nevner',
      'notices.settings-newer':
        'Innstillingene dine ble skrevet av en nyere Bridgekeeper (innstillingsversjon {found}; denne leser opp til versjon {supported}). Denne Bridgekeeper lar dem være nøyaktig som de er: ingenting du endrer her, lagres før du bruker den nyere Bridgekeeper igjen. {shown, select, profiles {Profilene dine vises slik denne versjonen kan lese dem.} other {Denne versjonen kan ikke lese profilene, så ingen vises.}}',
      'notices.settings-newer.not-saved':
        'Ikke lagret: innstillingene dine ble skrevet av en nyere Bridgekeeper (innstillingsversjon {found}; denne leser opp til versjon {supported}), og denne endrer dem ikke. Gjør endringen i den nyere Bridgekeeper.',
      'notices.dismiss': 'Lukk',
    },
    da: {
      'notices.revoke-failed':
        'Slettede {names}, men Visma kunne ikke tilbagekalde {count, plural, one {dens token} other {deres tokens}} ({detail}). {count, plural, one {Posten i nøgleringen er} other {Posterne i nøgleringen er}} væk alligevel.',
      'notices.bulk-interrupted':
        'En samlet genforbindelse blev afbrudt med {count, plural, one {# profil} other {# profiler}} tilbage. Åbn Samlet genforbindelse for at fortsætte; de profiler, der allerede er færdige, forbliver forbundet.',
      'notices.no-keychain':
        'Der blev ikke fundet nogen fungerende nøglering: tokens gemmes kun i hukommelsen og glemmes, når Bridgekeeper lukkes. På Linux skal du installere og låse en Secret Service som gnome-keyring op.',
      'notices.no-keychain.reason':
        'Der blev ikke fundet nogen fungerende nøglering ({reason}): tokens gemmes kun i hukommelsen og glemmes, når Bridgekeeper lukkes. På Linux skal du installere og låse en Secret Service som gnome-keyring op.',
      'notices.old-base-url':
        '{environment} kalder stadig Visma.net ERP API på integration.visma.net, den gamle adresse: Visma begrænser den (HTTP 429 efter omkring 500 kald i timen) og lukker den. Skift dens API-basisadresse til https://api.finance.visma.net og dens verifikationssti til /v1/organization ({count, plural, one {# profil bruger} other {# profiler bruger}} den).',
      'notices.access-ended':
        'Visma afbrød alle forbindelser for {user}: forbind disse {count, number} profiler igen ({names}{more, plural, =0 {} other { og # mere}}). Sådan gør Visma, når et refresh-token for brugeren bruges to gange; andre brugeres profiler berøres ikke.',
      'notices.reconnect': 'Forbind {count, plural, one {denne profil} other {disse # profiler}} igen…',
      'notices.bulk-label': 'Profilerne, som denne meddelelse nævner',
      'notices.settings-newer':
        'Dine indstillinger blev skrevet af en nyere Bridgekeeper (indstillingsversion {found}; denne læser op til version {supported}). Denne Bridgekeeper lader dem være præcis, som de er: intet, du ændrer her, gemmes, før du bruger den nyere Bridgekeeper igen. {shown, select, profiles {Dine profiler vises, som denne version kan læse dem.} other {Denne version kan ikke læse profilerne, så ingen vises.}}',
      'notices.settings-newer.not-saved':
        'Ikke gemt: dine indstillinger blev skrevet af en nyere Bridgekeeper (indstillingsversion {found}; denne læser op til version {supported}), og denne ændrer dem ikke. Foretag ændringen i den nyere Bridgekeeper.',
      'notices.dismiss': 'Luk',
    },
    nl: {
      'notices.revoke-failed':
        '{names} verwijderd, maar Visma kon {count, plural, one {het token} other {de tokens}} niet intrekken ({detail}). {count, plural, one {De vermelding in de sleutelhanger is} other {De vermeldingen in de sleutelhanger zijn}} toch verwijderd.',
      'notices.bulk-interrupted':
        'Een bulk-herverbinding werd onderbroken met nog {count, plural, one {# profiel} other {# profielen}} te gaan. Open Bulk herverbinden om verder te gaan; de profielen die al klaar zijn, blijven verbonden.',
      'notices.no-keychain':
        'Er is geen werkende sleutelhanger gevonden: tokens worden alleen in het geheugen bewaard en zijn weg zodra Bridgekeeper sluit. Installeer en ontgrendel op Linux een Secret Service zoals gnome-keyring.',
      'notices.no-keychain.reason':
        'Er is geen werkende sleutelhanger gevonden ({reason}): tokens worden alleen in het geheugen bewaard en zijn weg zodra Bridgekeeper sluit. Installeer en ontgrendel op Linux een Secret Service zoals gnome-keyring.',
      'notices.old-base-url':
        '{environment} roept de Visma.net ERP API nog aan op integration.visma.net, het oude adres: Visma beperkt dat (HTTP 429 na ongeveer 500 aanroepen per uur) en schakelt het uit. Wijzig de API-basis-URL in https://api.finance.visma.net en het verificatiepad in /v1/organization ({count, plural, one {# profiel gebruikt} other {# profielen gebruiken}} deze omgeving).',
      'notices.access-ended':
        'Visma beëindigde alle verbindingen van {user}: verbind deze {count, number} profielen opnieuw ({names}{more, plural, =0 {} other { en nog #}}). Dit doet Visma wanneer een refresh-token van de gebruiker twee keer wordt gebruikt; de profielen van andere gebruikers worden niet geraakt.',
      'notices.reconnect': '{count, plural, one {Dit profiel} other {Deze # profielen}} opnieuw verbinden…',
      'notices.bulk-label': 'De profielen die deze melding noemt',
      'notices.settings-newer':
        'Uw instellingen zijn geschreven door een nieuwere Bridgekeeper (instellingenversie {found}; deze leest tot en met versie {supported}). Deze Bridgekeeper laat ze precies zoals ze zijn: niets wat u hier wijzigt, wordt opgeslagen totdat u de nieuwere Bridgekeeper weer gebruikt. {shown, select, profiles {Uw profielen worden getoond zoals deze versie ze kan lezen.} other {Deze versie kan de profielen niet lezen, dus er worden geen getoond.}}',
      'notices.settings-newer.not-saved':
        'Niet opgeslagen: uw instellingen zijn geschreven door een nieuwere Bridgekeeper (instellingenversie {found}; deze leest tot en met versie {supported}) en deze wijzigt ze niet. Breng deze wijziging aan in de nieuwere Bridgekeeper.',
      'notices.dismiss': 'Sluiten',
    },
  },
);
