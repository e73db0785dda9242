import { privateTempFolder } from './private-temp';
import { startPrivateSecretService } from './secret-service';

/**
 * Workers start after this and inherit DBUS_SESSION_BUS_ADDRESS and TMPDIR; the returned function
 * tears the Secret Service down, then removes every temp folder the run made.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const removeTemp = privateTempFolder();
  const keyring = await startPrivateSecretService();
  return async () => {
    await keyring.stop();
    removeTemp();
  };
}
