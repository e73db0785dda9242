import { describe, expect, it } from 'vitest';
import { launchArgs } from '../../../src/main/browser/launch-args';

const URL_ = 'https://connect.visma.com/connect/authorize?client_id=isv_x';

describe('how each browser is started for one login', () => {
  it('gives Chromium-family browsers a profile folder of their own, and nothing that carries over', () => {
    expect(launchArgs({ id: 'chrome', family: 'chromium' }, 'throwaway-profile', URL_, '/tmp/bk-1')).toEqual([
      '--user-data-dir=/tmp/bk-1',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-sync',
      '--new-window',
      URL_,
    ]);
  });

  it('opens each browser’s own private mode by its own flag', () => {
    expect(launchArgs({ id: 'chrome', family: 'chromium' }, 'private-window', URL_)).toEqual(['--incognito', '--new-window', URL_]);
    expect(launchArgs({ id: 'brave', family: 'chromium' }, 'private-window', URL_)).toEqual(['--incognito', '--new-window', URL_]);
    expect(launchArgs({ id: 'edge', family: 'chromium' }, 'private-window', URL_)).toEqual(['--inprivate', '--new-window', URL_]);
    expect(launchArgs({ id: 'firefox', family: 'firefox' }, 'private-window', URL_)).toEqual(['-private-window', URL_]);
  });

  it('starts Firefox as a new instance on the throw-away profile, not as a tab of the running one', () => {
    expect(launchArgs({ id: 'firefox', family: 'firefox' }, 'throwaway-profile', URL_, '/tmp/bk-2')).toEqual(['-profile', '/tmp/bk-2', '-no-remote', '-new-instance', URL_]);
  });
});
