import type { ProfileInput } from '../../src/shared/profile';
import { ANNA, NORDLYS } from './sandbox/relying-party';

/** The profile most tests reconnect: orders into Nordlys Handel AS, with Anna as the API user. */
export const ordersProfile = (environmentId: string, overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  id: 'orders',
  name: 'Orders into Visma',
  direction: 'import',
  companyId: NORDLYS.id,
  companyName: NORDLYS.name,
  apiUser: ANNA.email,
  environmentId,
  ...overrides,
});
