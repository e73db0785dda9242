import type { FileText } from '../../shared/api';
import { type LogExplanation, MAX_LOG_TEXT_CHARS } from '../../shared/log-explanation';
import { userError } from '../errors';
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
      if (file.text.length > MAX_LOG_TEXT_CHARS) throw userError('invalid-argument', 'explainer.error.too-long', { file: file.name });
      return explainLogTextYielding(file.text, { source: file.name, profiles: profiles() });
    },

    async explainLogFile(path) {
      try {
        return await explainLogFile(path, { profiles: profiles() });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw userError('not-found', 'explainer.error.missing', { path });
        if (code === 'EISDIR') throw userError('invalid-argument', 'explainer.error.folder', { path });
        if (code === 'EACCES' || code === 'EPERM') throw userError('forbidden', 'explainer.error.forbidden', { path });
        throw error;
      }
    },
  };
}
