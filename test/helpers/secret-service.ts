import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Secret Service for the keychain tests: its own D-Bus session bus and an unlocked
 * gnome-keyring in throw-away folders, so tests never touch a developer's real keychain.
 * Sets DBUS_SESSION_BUS_ADDRESS for this process and every worker started after it.
 */
export async function startPrivateSecretService(): Promise<() => void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-keyring-'));
  const runtime = path.join(home, 'run');
  const data = path.join(home, 'data');
  fs.mkdirSync(runtime, { mode: 0o700 });
  fs.mkdirSync(data, { mode: 0o700 });
  const env = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: data };

  const address = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env, encoding: 'utf8' });
  const [busAddress, busPid] = address.trim().split('\n');
  const keyringEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: busAddress! };
  const keyring: ChildProcess = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env: keyringEnv,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin!.end('bridgekeeper-test-password');
  await waitForSecretService(keyringEnv);

  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = busAddress;
  return () => {
    keyring.kill();
    try {
      process.kill(Number(busPid));
    } catch {
      // already gone
    }
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    fs.rmSync(home, { recursive: true, force: true });
  };
}

/**
 * Wait until our daemon owns org.freedesktop.secrets, asking the bus itself: any call to the
 * secrets name before then would have D-Bus start a second, locked keyring of its own.
 * Then wait for its unlocked "default" collection. At most 5 s.
 */
async function waitForSecretService(env: NodeJS.ProcessEnv): Promise<void> {
  const deadline = Date.now() + 5000;
  const ask = (dest: string, object: string, method: string, arg: string) =>
    execFileSync('dbus-send', ['--session', '--print-reply', `--dest=${dest}`, object, method, arg], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let last = '';
  for (;;) {
    try {
      last = ask('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets');
      if (/boolean true/.test(last)) {
        last = ask('org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.ReadAlias', 'string:default');
        if (/object path "\/org\/freedesktop\/secrets\/collection\//.test(last)) return;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`the private Secret Service did not start: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
