import type { FileText } from '../../shared/api';
import { type LogExplanation, MAX_LOG_TEXT_CHARS } from '../../shared/log-explanation';
import { invalid, UserFacingError } from '../errors';
import { explainLogFile, explainLogTextYielding } from './explain-log';
import type { ProfileRef } from './profile-matcher';

export interface ExplainerServiceDeps {
  /** The profiles to look for near errors, read when a log is explained. */
  profiles: () => readonly ProfileRef[];
}

export interface ExplainerService {
  /** The API method: pasted text, or a file the renderer read. */
  explainLog(file: FileText): Promise<LogExplanation>;
  /** A log file of any size, streamed from disk (the Electron side decides how the user picks it). */
  explainLogFile(path: string): Promise<LogExplanation>;
}

export function createExplainerService({ profiles }: ExplainerServiceDeps): ExplainerService {
  return {
    async explainLog(file) {
      if (file.text.length > MAX_LOG_TEXT_CHARS) throw invalid(`${file.name} is too long to paste; open it as a file instead.`);
      return explainLogTextYielding(file.text, { source: file.name, profiles: profiles() });
    },

    async explainLogFile(path) {
      try {
        return await explainLogFile(path, { profiles: profiles() });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UserFacingError('not-found', `${path} does not exist.`);
        if (code === 'EISDIR') throw invalid(`${path} is a folder, not a log file.`);
        if (code === 'EACCES' || code === 'EPERM') throw new UserFacingError('forbidden', `Bridgekeeper may not read ${path}.`);
        throw error;
      }
    },
  };
}
