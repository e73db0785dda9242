import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Secret Service for the tests and benches: its own D-Bus session bus and an unlocked
 * gnome-keyring in throw-away folders, so nothing touches a developer's real keychain. It can be
 * restarted over the same keyring files (a cold bench starts with a daemon that has read nothing).
 * Sets DBUS_SESSION_BUS_ADDRESS for this process and every process or worker started after it.
 */
export async function startPrivateSecretService() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-keyring-'));
  const runtime = path.join(home, 'run');
  const data = path.join(home, 'data');
  fs.mkdirSync(runtime, { mode: 0o700 });
  fs.mkdirSync(data, { mode: 0o700 });
  const env = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: data };
  const [address, busPid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env, encoding: 'utf8' }).trim().split('\n');
  const keyringEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: address! };

  let daemon: ChildProcess | undefined;
  const start = async () => {
    daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env: keyringEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    daemon.stdin!.end('bridgekeeper-test-password');
    await waitUntilServing(keyringEnv, true);
  };
  const stopDaemon = async () => {
    const running = daemon;
    daemon = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return; // never started, or gone already (it can crash)
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill();
    await exited;
  };

  await start();
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  return {
    /** Stops the keyring daemon and starts a new one over the same keyring files. */
    async restart() {
      await stopDaemon();
      await waitUntilServing(keyringEnv, false);
      await start();
    },
    /** Stops the daemon and the bus (whatever else owns the name by then goes with the bus); the keyring's files go with the folder. */
    async stop() {
      await stopDaemon();
      try {
        process.kill(Number(busPid));
      } catch {
        // already gone
      }
      if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Until our daemon owns org.freedesktop.secrets with an unlocked "default" collection, asking the bus
 * itself: any call to the secrets name before then would have D-Bus start a second, locked keyring of
 * its own. With `serving` false: until nothing owns the name. At most 10 s.
 */
async function waitUntilServing(env: NodeJS.ProcessEnv, serving: boolean): Promise<void> {
  const ask = (dest: string, object: string, method: string, arg: string) =>
    execFileSync('dbus-send', ['--session', '--print-reply', `--dest=${dest}`, object, method, arg], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const deadline = Date.now() + 10_000;
  let last = '';
  for (;;) {
    let owned = false;
    try {
      last = ask('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets');
      owned = /boolean true/.test(last);
      if (owned && serving) {
        last = ask('org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.ReadAlias', 'string:default');
        if (/object path "\/org\/freedesktop\/secrets\/collection\//.test(last)) return;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    if (!serving && !owned) return;
    if (Date.now() > deadline) throw new Error(`the private Secret Service did not ${serving ? 'start' : 'stop'}: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
