/**
 * A direct reconnect in a throw-away profile of the installed browser (B4; Debian's Chromium here),
 * a person typing, 10 times: how long the browser takes to show Visma's sign-in page, and how long
 * from the person's Accept to "Connected" — the loopback answer, the code exchange, the company
 * check, the verifying call, and closing the browser and deleting its profile folder. Also how long
 * finding the machine's browsers takes. No goal was set; these are for the record.
 */
import { startSandbox } from '../sandbox';
import { detectBrowsers } from '../src/main/browser/detect-browsers';
import { systemProbe } from '../src/main/browser/system-probe';
import { installedBrowsers } from '../test/helpers/cdp-browser';
import { ordersProfile } from '../test/helpers/orders-profile';
import { ANNA, NORDLYS } from '../test/helpers/sandbox/relying-party';
import { tempApp } from '../test/helpers/temp-app';
import { report, sized, summarize } from './report';

const LOGINS = sized(10, 1);
const detectMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await detectBrowsers(systemProbe());
  detectMs.push(performance.now() - started);
}

const sandbox = await startSandbox();
const browsers = installedBrowsers();
const app = tempApp(undefined, { now: () => new Date(), browserLogins: browsers.deps });
await app.api.saveEnvironment({ ...sandbox.environment, loginWith: { kind: 'browser', browser: 'chromium', mode: 'throwaway-profile' } });
await app.api.createProfile(ordersProfile(sandbox.environment.id));

const toPageMs: number[] = [];
const afterAcceptMs: number[] = [];
for (let i = 0; i < LOGINS; i++) {
  const started = performance.now();
  const result = app.api.reauthenticate('orders');
  const { page } = await browsers.next();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  toPageMs.push(performance.now() - started);
  await page.getByLabel('Email').fill(ANNA.email);
  await page.getByLabel('Password').fill(ANNA.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('radio', { name: NORDLYS.name, exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const accepted = performance.now();
  await page.getByRole('button', { name: 'Accept' }).click();
  const outcome = await result;
  afterAcceptMs.push(performance.now() - accepted);
  if (outcome.outcome !== 'connected') throw new Error(`login ${i + 1} ended ${outcome.outcome}: ${outcome.explanation}`);
}

await browsers.dispose();
app.cleanup();
await sandbox.close();

report('browser-login', {
  logins: LOGINS,
  detectBrowsersMs: summarize(detectMs),
  startToSignInPageMs: summarize(toPageMs),
  acceptToConnectedMs: summarize(afterAcceptMs),
});
