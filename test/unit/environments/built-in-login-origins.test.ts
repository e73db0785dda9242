import { describe, expect, it } from 'vitest';
import { PRODUCTION_ENVIRONMENT, PRODUCTION_ENVIRONMENT_ID } from '../../../src/shared/environment';
import { tempApp } from '../../helpers/temp-app';

describe("the built-in environment's extra login origins", () => {
  it('can be set (a federated Microsoft sign-in), survive a restart, and leave Visma’s own addresses alone', async () => {
    const first = tempApp();
    const production = (await first.api.listEnvironments()).find((e) => e.id === PRODUCTION_ENVIRONMENT_ID)!;
    await first.api.saveEnvironment({ ...production, issuer: 'https://evil.example', extraLoginOrigins: ['https://login.microsoftonline.com'] });
    const again = tempApp(first.dir);
    const saved = (await again.api.listEnvironments()).find((e) => e.id === PRODUCTION_ENVIRONMENT_ID)!;
    expect(saved.extraLoginOrigins).toEqual(['https://login.microsoftonline.com']);
    expect(saved.issuer).toBe(PRODUCTION_ENVIRONMENT.issuer);
    first.cleanup();
  });

  it('refuses an origin that is not https, naming the field', async () => {
    const app = tempApp();
    const production = (await app.api.listEnvironments()).find((e) => e.id === PRODUCTION_ENVIRONMENT_ID)!;
    await expect(app.api.saveEnvironment({ ...production, extraLoginOrigins: ['http://login.example'] })).rejects.toThrow(/extraLoginOrigins/);
    app.cleanup();
  });
});
