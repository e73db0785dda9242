import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Secret Service for a bench, as test/helpers/secret-service.ts starts one (its own D-Bus
 * session bus, an unlocked gnome-keyring in throw-away folders), that can also be restarted over the
 * same keyring files: a cold measurement starts with a keyring daemon that has read nothing yet.
 * Sets DBUS_SESSION_BUS_ADDRESS for this process and the processes it starts.
 */
export async function startRestartableKeyring() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-bench-keyring-'));
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
    daemon.stdin!.end('bridgekeeper-bench-password');
    await waitUntilServing(keyringEnv, true);
  };
  const stopDaemon = async () => {
    if (!daemon) return;
    const exited = new Promise((resolve) => daemon!.once('exit', resolve));
    daemon.kill();
    await exited;
    daemon = undefined;
    await waitUntilServing(keyringEnv, false);
  };

  await start();
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  return {
    address: address!,
    /** Stops the keyring daemon and starts a new one over the same keyring files. */
    async restart() {
      await stopDaemon();
      await start();
    },
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

/** Until org.freedesktop.secrets has an owner with an unlocked default collection (or, `serving` false, none). */
async function waitUntilServing(env: NodeJS.ProcessEnv, serving: boolean): Promise<void> {
  const ask = (dest: string, object: string, method: string, arg: string) =>
    execFileSync('dbus-send', ['--session', '--print-reply', `--dest=${dest}`, object, method, arg], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const deadline = Date.now() + 10_000;
  for (;;) {
    let owned = false;
    try {
      owned = /boolean true/.test(ask('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'));
      if (owned && serving && /object path "\/org\/freedesktop\/secrets\/collection\//.test(ask('org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.ReadAlias', 'string:default'))) return;
    } catch {
      // not yet
    }
    if (!serving && !owned) return;
    if (Date.now() > deadline) throw new Error(`the bench's Secret Service did not ${serving ? 'start' : 'stop'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
