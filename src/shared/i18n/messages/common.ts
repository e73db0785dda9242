import { defineMessages } from '../define-messages';

/** Words every area uses. */
export const common = defineMessages(
  {
    'common.language': 'Language',
    'common.language.system': 'As the system ({name})',
    'common.count.profiles': '{count, plural, one {# profile} other {# profiles}}',
    'common.error.internal': 'Something went wrong inside Bridgekeeper; the log has the details.',
  },
  {
    fi: {
      'common.language': 'Kieli',
      'common.language.system': 'Järjestelmän mukaan ({name})',
      'common.count.profiles': '{count, plural, one {# profiili} other {# profiilia}}',
      'common.error.internal': 'Bridgekeeperissa tapahtui virhe; lokissa on tiedot.',
    },
    sv: {
      'common.language': 'Språk',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
      'common.error.internal': 'Något gick fel i Bridgekeeper; loggen har detaljerna.',
    },
    nb: {
      'common.language': 'Språk',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
      'common.error.internal': 'Noe gikk galt i Bridgekeeper; loggen har detaljene.',
    },
    da: {
      'common.language': 'Sprog',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
      'common.error.internal': 'Noget gik galt i Bridgekeeper; loggen har detaljerne.',
    },
    nl: {
      'common.language': 'Taal',
      'common.language.system': 'Zoals het systeem ({name})',
      'common.count.profiles': "{count, plural, one {# profiel} other {# profielen}}",
      'common.error.internal': 'Er ging iets mis in Bridgekeeper; het logbestand heeft de details.',
    },
  },
);
