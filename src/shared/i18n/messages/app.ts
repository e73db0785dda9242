import { defineMessages } from '../define-messages';

/** The window's frame: the areas, the window title and the language switch. */
export const app = defineMessages(
  {
    'app.areas': 'Areas',
    'app.area.profiles': 'Profiles',
    'app.area.severa': 'Severa login check',
    'app.window.title': '{area} — Bridgekeeper',
    'app.language.hint': 'Every word in Bridgekeeper follows this choice at once, and it is remembered.',
  },
  {
    fi: {
      'app.areas': 'Alueet',
      'app.area.profiles': 'Profiilit',
      'app.area.severa': 'Severan kirjautumistarkistus',
      'app.window.title': '{area} — Bridgekeeper',
      'app.language.hint': 'Kaikki Bridgekeeperin tekstit vaihtuvat heti tämän valinnan mukaan, ja valinta muistetaan.',
    },
    sv: {
      'app.areas': 'Områden',
      'app.area.profiles': 'Profiler',
      'app.area.severa': 'Inloggningskontroll för Severa',
      'app.window.title': '{area} — Bridgekeeper',
      'app.language.hint': 'All text i Bridgekeeper följer valet direkt, och valet sparas.',
    },
    nb: {
      'app.areas': 'Områder',
      'app.area.profiles': 'Profiler',
      'app.area.severa': 'Innloggingskontroll for Severa',
      'app.window.title': '{area} — Bridgekeeper',
      'app.language.hint': 'All tekst i Bridgekeeper følger valget med en gang, og valget huskes.',
    },
    da: {
      'app.areas': 'Områder',
      'app.area.profiles': 'Profiler',
      'app.area.severa': 'Logintjek for Severa',
      'app.window.title': '{area} — Bridgekeeper',
      'app.language.hint': 'Al tekst i Bridgekeeper følger valget med det samme, og valget huskes.',
    },
    nl: {
      'app.areas': 'Onderdelen',
      'app.area.profiles': 'Profielen',
      'app.area.severa': 'Inlogcontrole voor Severa',
      'app.window.title': '{area} — Bridgekeeper',
      'app.language.hint': 'Alle tekst in Bridgekeeper volgt deze keuze meteen, en de keuze wordt onthouden.',
    },
  },
);
