/**
 * Does an entry look like an error? Its log level when it has one, else the words in it. Used to list
 * unknown errors, and to accept the weaker signs of a known one (a bare "Unauthorized", "ipp-company-id").
 */

export type LevelClass = 'quiet' | 'warning' | 'error';

const QUIET = new Set(['trace', 'trc', 'debug', 'dbg', 'verbose', 'vrb', 'info', 'inf', 'information', 'notice']);
const WARNING = new Set(['warn', 'warning', 'wrn']);
const ERROR = new Set(['error', 'err', 'fatal', 'ftl', 'critical', 'crit', 'alert', 'emerg', 'feil', 'fel', 'virhe', 'fejl']);

// Upper-case or capitalised level names as written by log4net, NLog, Serilog, .NET and Nordic tools,
// or any case after "level=" or "@l":" (JSON and key=value logs); the first in the line's first 160 characters counts.
const LEVEL_WORD =
  /(?:^|[\s[|(<:;,"'])(TRACE|TRC|DEBUG|DBG|VERBOSE|VRB|INFO|INF|INFORMATION|NOTICE|WARN|WARNING|WRN|ERROR|ERR|FATAL|FTL|CRITICAL|CRIT|FEIL|FEL|VIRHE|FEJL|Trace|Debug|Verbose|Info|Information|Notice|Warn|Warning|Error|Fatal|Critical|Feil|Fel|Virhe|Fejl)(?=$|[\s\]|)>:;,"'])/;
const LEVEL_FIELD = /(?:\blevel|@l|\blvl|\bseverity)"?\s*[=:]\s*"?([a-z]+)/i;

/** The class of the line's log level, or null when it shows none. */
export function levelOf(firstLine: string): LevelClass | null {
  const head = firstLine.length > 160 ? firstLine.slice(0, 160) : firstLine;
  const word = LEVEL_WORD.exec(head);
  const field = LEVEL_FIELD.exec(head);
  const match = word && (!field || word.index <= field.index) ? word : field;
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  if (QUIET.has(name)) return 'quiet';
  if (WARNING.has(name)) return 'warning';
  return ERROR.has(name) ? 'error' : null;
}

/** Words that say something went wrong (English, Norwegian, Danish, Swedish, Finnish), in lower case. */
export const ERROR_WORDS = /error|exception|fail|fatal|critical|\bfeil|\bfejl|\bfel\b|\bvirhe|misslyck|mislyk|unauthori[sz]ed|denied|\berr\b/;

/** "0 errors", "no errors", "errors: 0", "ingen feil", "HasErrors=false": not errors. */
const NOT_ERRORS =
  /\b(?:0|no|zero|without|ingen|inga|ei|uten|utan|uden)\s+(?:errors?|failures?|exceptions?|feil|fel|fejl|virheitä|virheit\w*)\b|\b(?:errors?|failures?|failed|exceptions?|feil|fel|fejl|virheet|virheitä)\s*(?:count\s*)?[:=]\s*0\b|\b(?:is|has)_?(?:errors?|failed)\s*[:=]\s*false\b/g;

/** Does this lower-case text hold an error word, once "0 errors" and the like are taken out? */
export function hasErrorWords(lower: string): boolean {
  if (!ERROR_WORDS.test(lower)) return false;
  NOT_ERRORS.lastIndex = 0;
  return NOT_ERRORS.test(lower) ? ERROR_WORDS.test(lower.replace(NOT_ERRORS, ' ')) : true;
}

/** An entry looks like an error when its level says so, or it has no quiet level and error words. */
export function looksLikeError(level: LevelClass | null, lower: string): boolean {
  if (level === 'error') return true;
  if (level === 'quiet') return false;
  return hasErrorWords(lower);
}
