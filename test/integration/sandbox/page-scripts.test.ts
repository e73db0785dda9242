import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closePopupScript } from '../../../sandbox/portal/page-scripts/close-popup-script';
import { pageScript } from '../../../sandbox/portal/page-scripts/page-script';

describe('the portal\'s page scripts', () => {
  it('come out whole where npm run sandbox builds them (tsx keeps names, and must find none to wrap)', () => {
    const program = `
      const { pageScript } = await import('./sandbox/portal/page-scripts/page-script.ts');
      const { connectControlScript } = await import('./sandbox/portal/page-scripts/connect-control-script.ts');
      const { closePopupScript } = await import('./sandbox/portal/page-scripts/close-popup-script.ts');
      console.log(pageScript(connectControlScript, { lateMs: 0, loginIn: 'popup', startUrl: '/s', waiting: 'w', allowPopups: 'a' }));
      console.log(pageScript(closePopupScript, { pageUrl: '/p', sameOrigin: false, close: true }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [control, close] = run.stdout.trim().split('\n');
    expect(control).toMatch(/^\(function connectControlScript\(config\)/);
    expect(control).toContain('window.open(authorizeUrl');
    expect(close).toContain('window.opener.location.replace(config.pageUrl)');
    expect(run.stdout).not.toContain('__name');
  });

  it('cannot be closed early by their config', () => {
    expect(pageScript(closePopupScript, { pageUrl: '/p?</script><script>alert(1)//', sameOrigin: true, close: true })).not.toContain('</script>');
  });
});
