import { defineMessages } from '../define-messages';

/** The login in a browser on this machine (B4): the choice, the page the browser shows, the person's word. */
export const browser = defineMessages(
  {
    'browser.page.done': 'You can close this window and return to Bridgekeeper.',
    'browser.page.failed': 'Visma did not finish the login: {error}. You can close this window; Bridgekeeper says what to do next.',
    'browser.page.wrongLogin': 'This answer is not for the login Bridgekeeper is waiting for (it may be from an earlier one). Close this window and start the login again in Bridgekeeper.',
    'browser.page.refused': 'Refused: this address answers Bridgekeeper’s own logins on this computer only.',
  },
  {
    fi: {
      'browser.page.done': 'Voit sulkea tämän ikkunan ja palata Bridgekeeperiin.',
      'browser.page.failed': 'Visma ei vienyt kirjautumista loppuun: {error}. Voit sulkea tämän ikkunan; Bridgekeeper kertoo, mitä tehdä seuraavaksi.',
      'browser.page.wrongLogin': 'Tämä vastaus ei kuulu kirjautumiseen, jota Bridgekeeper odottaa (se voi olla aiemmasta kirjautumisesta). Sulje tämä ikkuna ja aloita kirjautuminen uudelleen Bridgekeeperissä.',
      'browser.page.refused': 'Hylätty: tämä osoite vastaa vain Bridgekeeperin omiin kirjautumisiin tällä tietokoneella.',
    },
    sv: {
      'browser.page.done': 'Du kan stänga det här fönstret och gå tillbaka till Bridgekeeper.',
      'browser.page.failed': 'Visma slutförde inte inloggningen: {error}. Du kan stänga det här fönstret; Bridgekeeper säger vad du gör härnäst.',
      'browser.page.wrongLogin': 'Det här svaret hör inte till inloggningen som Bridgekeeper väntar på (det kan vara från en tidigare). Stäng fönstret och starta inloggningen igen i Bridgekeeper.',
      'browser.page.refused': 'Nekad: den här adressen svarar bara på Bridgekeepers egna inloggningar på den här datorn.',
    },
    nb: {
      'browser.page.done': 'Du kan lukke dette vinduet og gå tilbake til Bridgekeeper.',
      'browser.page.failed': 'Visma fullførte ikke påloggingen: {error}. Du kan lukke dette vinduet; Bridgekeeper forteller hva du gjør videre.',
      'browser.page.wrongLogin': 'Dette svaret hører ikke til påloggingen Bridgekeeper venter på (det kan være fra en tidligere). Lukk vinduet og start påloggingen på nytt i Bridgekeeper.',
      'browser.page.refused': 'Avvist: denne adressen svarer bare på Bridgekeepers egne pålogginger på denne datamaskinen.',
    },
    da: {
      'browser.page.done': 'Du kan lukke dette vindue og vende tilbage til Bridgekeeper.',
      'browser.page.failed': 'Visma fuldførte ikke login: {error}. Du kan lukke dette vindue; Bridgekeeper fortæller, hvad du skal gøre nu.',
      'browser.page.wrongLogin': 'Dette svar hører ikke til det login, Bridgekeeper venter på (det kan være fra et tidligere). Luk vinduet, og start login igen i Bridgekeeper.',
      'browser.page.refused': 'Afvist: denne adresse svarer kun på Bridgekeepers egne logins på denne computer.',
    },
    nl: {
      'browser.page.done': 'U kunt dit venster sluiten en teruggaan naar Bridgekeeper.',
      'browser.page.failed': 'Visma heeft de aanmelding niet afgerond: {error}. U kunt dit venster sluiten; Bridgekeeper vertelt wat u nu moet doen.',
      'browser.page.wrongLogin': 'Dit antwoord hoort niet bij de aanmelding waarop Bridgekeeper wacht (het kan van een eerdere zijn). Sluit dit venster en start de aanmelding opnieuw in Bridgekeeper.',
      'browser.page.refused': 'Geweigerd: dit adres beantwoordt alleen Bridgekeepers eigen aanmeldingen op deze computer.',
    },
  },
);
