// The error explainer (F9): what the rest of main uses. See docs/error-explainer.md.
export { explainLogFile, explainLogStream, explainLogText, explainLogTextYielding, LogExplainer } from './explain-log';
export type { ExplainOptions, FileOptions } from './explain-log';
export { createExplainerService } from './explainer-service';
export type { ExplainerService, ExplainerServiceDeps } from './explainer-service';
export type { ProfileRef } from './profile-matcher';
