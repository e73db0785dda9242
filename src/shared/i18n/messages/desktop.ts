import { defineMessages } from '../define-messages';

/** What the window says about files dropped on it. */
export const desktop = defineMessages(
  {
    'desktop.drop.severa': 'Drop {file} on the Azets Work or the Severa user list.',
    'desktop.drop.unknown': '{file} is neither a profile list (.csv, .json) nor a DataBridge log (.log, .txt).',
    'desktop.dismiss': 'Dismiss',
  },
  {
    fi: {
      'desktop.drop.severa': 'Pudota {file} Azets Workin tai Severan käyttäjäluetteloon.',
      'desktop.drop.unknown': '{file} ei ole profiililuettelo (.csv, .json) eikä DataBridge-loki (.log, .txt).',
      'desktop.dismiss': 'Sulje',
    },
    sv: {
      'desktop.drop.severa': 'Släpp {file} på användarlistan för Azets Work eller för Severa.',
      'desktop.drop.unknown': '{file} är varken en profillista (.csv, .json) eller en DataBridge-logg (.log, .txt).',
      'desktop.dismiss': 'Stäng',
    },
    nb: {
      'desktop.drop.severa': 'Slipp {file} på brukerlisten for Azets Work eller for Severa.',
      'desktop.drop.unknown': '{file} er verken en profilliste (.csv, .json) eller en DataBridge-logg (.log, .txt).',
      'desktop.dismiss': 'Lukk',
    },
    da: {
      'desktop.drop.severa': 'Slip {file} på brugerlisten for Azets Work eller for Severa.',
      'desktop.drop.unknown': '{file} er hverken en profilliste (.csv, .json) eller en DataBridge-log (.log, .txt).',
      'desktop.dismiss': 'Luk',
    },
    nl: {
      'desktop.drop.severa': 'Sleep {file} naar de gebruikerslijst van Azets Work of van Severa.',
      'desktop.drop.unknown': '{file} is geen profiellijst (.csv, .json) en ook geen DataBridge-log (.log, .txt).',
      'desktop.dismiss': 'Sluiten',
    },
  },
);
