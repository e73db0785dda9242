import type { Language } from '../../shared/i18n/languages';
import type { ReleaseNotes } from '../../shared/updates';
import type { SettingsStore } from '../settings/settings-store';
import type { Logger } from '../logger';

/** One version's notes: English always, other languages where they were written. */
export type VersionNotes = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

/**
 * What changed, per version, shipped inside the app: the version that runs carries its own notes,
 * so they need no network and are in the reader's language where written (English otherwise).
 * Plain text: paragraphs split by blank lines, "- " starts a list item. docs/releasing.md: every
 * release adds its entry (a test holds package.json's version to having one in English).
 */
export const RELEASE_NOTES: Readonly<Record<string, VersionNotes>> = {
  '0.1.0': {
    en: 'Bridgekeeper now keeps itself up to date.\n\n- It checks for a new version when it starts and once a day, and downloads it in the background.\n- A download is installed only after its SHA-512 checksum (and, on Windows, its publisher) is verified; a damaged or tampered one is deleted and nothing changes.\n- The update is installed when you quit, or at once with "Restart now" — never in the middle of a login, a portal reconnect or a bulk reconnect.\n- Help ▸ Check for updates… checks now; the About box shows the version and the channel.',
    fi: 'Bridgekeeper pitää nyt itsensä ajan tasalla.\n\n- Se tarkistaa uuden version käynnistyessään ja kerran päivässä ja lataa sen taustalla.\n- Lataus asennetaan vasta, kun sen SHA-512-tarkistussumma (ja Windowsissa julkaisija) on tarkistettu; vioittunut tai peukaloitu lataus poistetaan, eikä mikään muutu.\n- Päivitys asennetaan, kun lopetat ohjelman, tai heti valinnalla "Käynnistä uudelleen nyt" — ei koskaan kesken kirjautumisen, portaalin uudelleenyhdistyksen tai joukkoyhdistyksen.\n- Ohje ▸ Tarkista päivitykset… tarkistaa heti; Tietoja-ikkuna näyttää version ja kanavan.',
    sv: 'Bridgekeeper håller sig nu uppdaterad själv.\n\n- Den söker efter en ny version när den startar och en gång om dagen, och laddar ner den i bakgrunden.\n- En nedladdning installeras först när dess SHA-512-kontrollsumma (och i Windows dess utgivare) är verifierad; en skadad eller manipulerad fil raderas och inget ändras.\n- Uppdateringen installeras när du avslutar, eller direkt med "Starta om nu" — aldrig mitt i en inloggning, en portalåteranslutning eller en massåteranslutning.\n- Hjälp ▸ Sök efter uppdateringar… söker nu; Om-rutan visar version och kanal.',
  },
};

/** The notes of `version` in `language`, else in English; null when the version has none. */
export function releaseNotesFor(version: string, language: Language, table: Readonly<Record<string, VersionNotes>> = RELEASE_NOTES): ReleaseNotes | null {
  const notes = table[version];
  if (!notes) return null;
  const own = notes[language];
  return own ? { version, language, text: own } : { version, language: 'en', text: notes.en };
}

/** -1, 0 or 1 by major.minor.patch (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? null };
  };
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * Release notes shown once after an update: at start, a version newer than the one that last ran
 * leaves its notes waiting (kept in the settings, so a crash before they are read loses nothing)
 * until the person closes them. A first start (no version recorded) is an install, not an update:
 * no notes. Read-only settings (a newer Bridgekeeper's) are not written: nothing is shown.
 */
export function createReleaseNotes(deps: { settings: SettingsStore; version: string; language: () => Language; log: Logger; table?: Readonly<Record<string, VersionNotes>>; record?: boolean }) {
  const { settings, version, log } = deps;
  const table = deps.table ?? RELEASE_NOTES;
  if (deps.record !== false && !settings.readOnly) {
    const updates = settings.current.updates ?? {};
    const last = updates.lastVersion;
    if (last !== version) {
      const updated = last !== undefined && compareVersions(version, last) > 0 && table[version] !== undefined;
      if (updated) log.info('updates.updated', { from: last, to: version });
      settings.update((s) => ({ ...s, updates: { ...s.updates, lastVersion: version, ...(updated ? { notesFor: version } : {}) } }));
    }
  }
  return {
    async getReleaseNotes(): Promise<ReleaseNotes | null> {
      const waiting = settings.current.updates?.notesFor;
      return waiting === version ? releaseNotesFor(version, deps.language(), table) : null;
    },
    async dismissReleaseNotes(): Promise<void> {
      if (settings.current.updates?.notesFor === undefined) return;
      settings.update((s) => {
        const { notesFor: _read, ...rest } = s.updates ?? {};
        return { ...s, updates: rest };
      });
    },
  };
}
