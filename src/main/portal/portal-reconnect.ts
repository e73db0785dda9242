import { inWords } from '../in-words';
import type { Profile } from '../../shared/profile';
import type { PortalSeen, ReauthStep } from '../../shared/reauth';
import type { Failure } from '../reauth/outcomes';
import type { PortalService } from './portal-service';
import type { Delivery, PortalAttemptResult, PortalSurface } from './portal-surface';

export interface PortalReconnectDeps {
  portals: PortalService;
  surface: PortalSurface;
  loginTimeoutMs: number;
  onStep(step: ReauthStep): void;
}

export type PortalFlowResult = { outcome: 'connected'; seen: PortalSeen } | (Failure & { seen?: PortalSeen });

/** A sign-in that keeps expiring is a portal problem, not something to ask the person for forever. */
const MAX_SIGN_INS = 3;

const notEntitled = /entit+led/i;

/** Visma's error, delivered to the portal, in the same outcomes as a direct reconnect's (F6). */
function failureOf(delivery: Delivery): Failure {
  const errorCode = delivery.error!;
  const detail = delivery.errorDescription;
  const base = { errorCode, ...(detail ? { detail } : {}) };
  if (errorCode === 'access_denied' && !(detail && notEntitled.test(detail))) return { outcome: 'consent-denied', ...base };
  if (errorCode === 'invalid_tenant' || (detail && notEntitled.test(detail))) return { outcome: 'api-user-missing', ...base };
  if (errorCode === 'server_error' || errorCode === 'temporarily_unavailable') return { outcome: 'server-error', ...base };
  return { outcome: 'login-failed', ...base };
}

/**
 * F18: reconnects a portal profile inside the portal's own flow. The portal sign-in is asked for
 * once and reused; each attempt gets a fresh session seeded with the portal's cookies alone, so no
 * Visma login carries over. Bridgekeeper watches the authorize request and the answer delivered
 * back to the portal, and reads the outcome from them and the portal's own HTTP answer.
 */
export async function runPortalReconnect(profile: Profile, deps: PortalReconnectDeps, cancel: AbortSignal): Promise<PortalFlowResult> {
  const portal = deps.portals.get(profile.portalId);
  if (!portal) {
    const { message: detail, words: detailWords } = inWords('reauth.detail.no-portal', { portal: profile.portalId });
    return { outcome: 'not-configured', detail, detailWords };
  }
  const site = deps.portals.site(portal.id);
  const timeout = AbortSignal.timeout(deps.loginTimeoutMs);
  const signal = AbortSignal.any([cancel, timeout]);
  const ended = (): Failure => ({ outcome: timeout.aborted ? 'timed-out' : 'cancelled' });

  for (let signIns = 0; ; ) {
    let cookies = await deps.portals.cookies(portal.id);
    if (!cookies) {
      if (signIns++ >= MAX_SIGN_INS) return { outcome: 'portal-failed', detail: `${portal.name} asked for its sign-in ${MAX_SIGN_INS} times in a row.` };
      deps.onStep('signing-in');
      cookies = await deps.portals.signIn(portal.id, signal);
      if (!cookies) return { ...ended(), detail: `The sign-in to ${portal.name} was not finished.` };
    }
    if (signal.aborted) return ended();
    deps.onStep('portal-page');
    const result: PortalAttemptResult = await deps.surface.reconnect({
      portal: site,
      pageUrl: profile.portalUrl,
      cookies,
      title: `${portal.name}: reconnect ${profile.name}`,
      signal,
      onProgress: (step) => deps.onStep(step === 'authorize' ? 'portal-login' : 'portal-finishing'),
    });
    if (result.kind === 'signed-out') {
      await deps.portals.expired(portal.id);
      continue; // sign in again, then the same profile: the run goes on where it was
    }
    await deps.portals.renew(portal.id, result.cookies);
    if (result.kind === 'closed') return ended();
    const seen: PortalSeen = {
      ...(result.authorize.clientId ? { clientId: result.authorize.clientId } : {}),
      ...(result.authorize.loginHint ? { loginHint: result.authorize.loginHint } : {}),
      via: result.delivery.via,
      portalStatus: result.portalStatus,
    };
    if (result.delivery.error) return { ...failureOf(result.delivery), seen };
    if (result.portalStatus >= 200 && result.portalStatus < 400) return { outcome: 'connected', seen };
    return { outcome: 'portal-failed', errorCode: result.portalStatus ? String(result.portalStatus) : undefined, seen };
  }
}
