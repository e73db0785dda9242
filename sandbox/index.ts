/** The sandbox's public face for tests and scripts: start one in-process, steer it, read its seed. */
export { startSandbox, type Sandbox, type SandboxOptions } from './start-sandbox';
export { createSandboxAdmin, SandboxAdminError, type SandboxAdmin } from './admin/admin-client';
export type { ExpireTokensResult, FaultTarget, SandboxState } from './admin/admin-contract';
export type { RequestCounts } from './faults/request-counter';
export type { Endpoint } from './faults/endpoints';
export { DEFAULT_SEED_FILE, loadSeedFile, parseSeed, SeedError } from './seed/load-seed';
export type { Seed, SeedInput } from './seed/seed-schema';
export { NOT_ENTITLED } from './identity/interactions';
export { totp } from './identity/totp';
export { environmentFor, writeEnvironmentFile } from './environment-file';
export type { SandboxPortal } from './portal/start-portal';
export type { PortalAdmin, PortalIntegrationView } from './portal/portal-admin';
export { createPortalAdmin } from './portal/portal-admin';
export type { PortalSeed } from './portal/portal-seed-schema';
export { loopbackUrl } from './portal/portal-hosts';
export { SANDBOX_PORTAL_ID, writePortalFile, writePortalProfilesFile } from './portal/portal-files';
