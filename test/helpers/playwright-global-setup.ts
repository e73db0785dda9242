import { startPrivateSecretService } from './secret-service';

/** Workers start after this and inherit DBUS_SESSION_BUS_ADDRESS; the returned function tears it down. */
export default async function globalSetup(): Promise<() => void> {
  return startPrivateSecretService();
}
