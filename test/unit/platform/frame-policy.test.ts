import { describe, expect, it } from 'vitest';
import { frameAllowed, isCaptchaFrame, refusedFrameHost } from '../../../src/main/platform/frame-policy';

const page = (url: string) => URL.canParse(url) && new URL(url).origin === 'https://connect.visma.com';

describe('what a login or portal page may show in a frame', () => {
  it('what its page may show, a blob: of it, and the empty frames', () => {
    expect(frameAllowed('https://connect.visma.com/widget', page)).toBe(true);
    expect(frameAllowed('blob:https://connect.visma.com/6f1c2f0e-1d7a-4a55-9a57-1b2f0e3c4d5e', page)).toBe(true);
    expect(frameAllowed('blob:https://evil.example/6f1c2f0e', page)).toBe(false);
    expect(frameAllowed('about:blank', page)).toBe(true);
    expect(frameAllowed('about:srcdoc', page)).toBe(true);
    expect(frameAllowed('data:text/html,x', page)).toBe(false);
    expect(frameAllowed('javascript:alert(1)', page)).toBe(false);
  });

  it('a known captcha’s challenge: https, its own host and path, no port or user info', () => {
    expect(isCaptchaFrame('https://www.recaptcha.net/recaptcha/api2/bframe?k=x')).toBe(true);
    expect(isCaptchaFrame('https://assets.hcaptcha.com/captcha/v1/x/static/hcaptcha.html')).toBe(true);
    expect(isCaptchaFrame('https://iframe.arkoselabs.com/B7D8911C/index.html')).toBe(true);
    expect(isCaptchaFrame('https://arkoselabs.com.evil.example/x')).toBe(false);
    expect(isCaptchaFrame('https://evil.example/recaptcha/')).toBe(false);
    expect(isCaptchaFrame('https://www.google.com:8443/recaptcha/api2/anchor')).toBe(false);
    expect(isCaptchaFrame('https://me@www.google.com/recaptcha/api2/anchor')).toBe(false);
    expect(isCaptchaFrame('https://challenges.cloudflare.com/turnstile/v0/api.js')).toBe(false);
    expect(isCaptchaFrame('not a url')).toBe(false);
  });

  it('names the host of a refused http(s) frame, and nothing for one no person could add', () => {
    expect(refusedFrameHost('https://consent.example:8443/x')).toBe('consent.example:8443');
    expect(refusedFrameHost('data:text/html,x')).toBeNull();
    expect(refusedFrameHost('javascript:void 0')).toBeNull();
  });
});
