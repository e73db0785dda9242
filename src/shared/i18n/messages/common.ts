import { defineMessages } from '../define-messages';

/** Words every area uses. */
export const common = defineMessages(
  {
    'common.language': 'Language',
    'common.language.system': 'As the system ({name})',
    'common.count.profiles': '{count, plural, one {# profile} other {# profiles}}',
  },
  {
    fi: {
      'common.language': 'Kieli',
      'common.language.system': 'Järjestelmän mukaan ({name})',
      'common.count.profiles': '{count, plural, one {# profiili} other {# profiilia}}',
    },
    sv: {
      'common.language': 'Språk',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
    },
    nb: {
      'common.language': 'Språk',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
    },
    da: {
      'common.language': 'Sprog',
      'common.language.system': 'Som systemet ({name})',
      'common.count.profiles': '{count, plural, one {# profil} other {# profiler}}',
    },
    nl: {
      'common.language': 'Taal',
      'common.language.system': 'Zoals het systeem ({name})',
      'common.count.profiles': "{count, plural, one {# profiel} other {# profielen}}",
    },
  },
);
