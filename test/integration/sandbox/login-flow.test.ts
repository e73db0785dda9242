import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { ANNA, FJELLVIND, NORDLYS, callApi, logIn } from '../../helpers/sandbox/relying-party';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('a login as Bridgekeeper makes it', () => {
  it('gives tokens for the picked company that the ERP API accepts', async () => {
    const { tokens } = await logIn(sandbox, { ...ANNA, company: FJELLVIND.name });
    const claims = jose.decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ tenant_id: FJELLVIND.id, client_id: 'bridgekeeper', aud: 'vismanet_erp_interactive_api', iss: sandbox.issuer });
    expect(String(claims.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'tenants', 'offline_access', 'vismanet_erp_interactive_api:read']));
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.claims()?.email).toBe(ANNA.email);

    const organization = await callApi(sandbox, tokens.access_token);
    expect(organization.status).toBe(200);
    expect(organization.json).toMatchObject({ organizationId: FJELLVIND.id, name: FJELLVIND.name });
    const classes = await callApi(sandbox, tokens.access_token, '/controller/api/v1/customer/customerClass');
    expect(classes.json).toEqual([{ id: 'B2B', description: 'Business customers' }]);
  });

  it('answers a token of another company with that company\'s data', async () => {
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    expect((await callApi(sandbox, tokens.access_token)).json).toMatchObject({ name: NORDLYS.name });
  });
});
