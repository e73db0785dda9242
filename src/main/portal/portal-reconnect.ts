import type { ApiEvent } from '../../shared/api';
import { type Message, message } from '../../shared/i18n/message';
import type { LoginWith } from '../../shared/login-with';
import type { PortalDefinition } from '../../shared/portal';
import type { Profile, ProfileState } from '../../shared/profile';
import type { JobConfirmation, PortalPrompt, PortalSeen, PortalWord, ReauthResult, ReauthStep, UnconfirmedReason } from '../../shared/reauth';
import { BrowserError } from '../browser/browser-error';
import type { BrowserChoice, BrowserLogins } from '../browser/browser-logins';
import type { EventLog } from '../events/event-log';
import { english, inWords, verbatim } from '../in-words';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import type { OutcomeRecorder } from '../reauth/outcome-recorder';
import { type Failure, companyWords, explain } from '../reauth/outcomes';
import type { JobUrls } from './job-urls';
import type { PageSnapshot } from './page/page-snapshot';
import { type PortalAnswered, type PortalObservation, runPortalAttempt } from './portal-attempt';
import { type PortalVerdict, judgePortal } from './portal-evidence';
import { runPortalLook } from './portal-look';
import { learnMarker, matchMarker } from './portal-marker';
import type { PortalService } from './portal-service';
import type { PortalCookie, PortalSurface } from './portal-surface';
import type { Delivery } from './portal-traffic';
import { runTriggeredJob } from './triggered-job';
import { isSignInPage } from './sign-in-page';
import type { Translator } from '../../shared/i18n/translator';

export interface PortalReconnectDeps {
  portals: PortalService;
  surface: PortalSurface;
  /** Portal pages in a browser on this machine (B4). */
  browsers: BrowserLogins;
  jobUrls: JobUrls;
  profiles: ProfileService;
  record: OutcomeRecorder;
  /** A Visma error in a job's message, in words (the error explainer); undefined when it names none. */
  explainJobMessage(message: string): Promise<Message | undefined>;
  events: EventLog;
  emit(event: ApiEvent): void;
  log: Logger;
  fetch: typeof fetch;
  /** How long the person has for the whole reconnect. */
  loginTimeoutMs: number;
  now: () => Date;
  /** Main's words in the person's language, for the portal window's title. */
  words: () => Pick<Translator, 'text'>;
}

/** A sign-in that keeps expiring is a portal problem, not something to ask the person for forever. */
const MAX_SIGN_INS = 3;

const notEntitled = /entit+led/i;

/** Visma's error, delivered to the portal, in the same outcomes as a direct reconnect's (F6). */
function vismaFailure(delivery: Delivery): Failure {
  const errorCode = delivery.error!;
  const detail = delivery.errorDescription;
  const base = { errorCode, ...(detail ? { detail } : {}) };
  if (errorCode === 'access_denied' && !(detail && notEntitled.test(detail))) return { outcome: 'consent-denied', ...base };
  if (errorCode === 'invalid_tenant' || (detail && notEntitled.test(detail))) return { outcome: 'api-user-missing', ...base };
  if (errorCode === 'server_error' || errorCode === 'temporarily_unavailable') return { outcome: 'server-error', ...base };
  return { outcome: 'login-failed', ...base };
}

/** InfoBridge's own portals (DataBridge, Panels): only their failures are for InfoBridge support. */
const vendorOf = (portal: Pick<PortalDefinition, 'origin'>) => (/(^|\.)infobridge(universe)?\.com$/i.test(new URL(portal.origin).hostname) ? 'infobridge' : 'other');

/** How a portal reconnect ended, before it is put in words. */
type Ending =
  | { kind: 'failed'; failure: Failure }
  | { kind: 'confirmed'; evidence: 'portal-page' | 'person' | 'job'; said?: string; confirmation?: JobConfirmation; marker?: string; markerContext?: string[] }
  | { kind: 'unconfirmed'; why: UnconfirmedReason; confirmation?: JobConfirmation };

/**
 * F18, one room for a portal attempt from the portal sign-in to the verdict: the sign-in asked for
 * once and reused; each attempt in a fresh session seeded with the portal's cookies alone; the
 * verdict from what the portal itself says (portal-attempt.ts, portal-evidence.ts), the profile's
 * job, or the person's word after seeing the portal's page — never from an HTTP status alone.
 */
export function createPortalReconnects(deps: PortalReconnectDeps) {
  /** Reconnects waiting for the person's word on the portal's page. */
  const awaitingWord = new Map<string, (word: PortalWord) => void>();
  const step = (profileId: string, s: ReauthStep) => deps.emit({ type: 'reauth-progress', profileId, step: s });
  const ask = (profileId: string, prompt: PortalPrompt | null) => deps.emit({ type: 'portal-prompt', profileId, prompt });
  const minutes = () => Math.round(deps.loginTimeoutMs / 60_000);

  /** The person's word; undefined when `signal` ends the wait first. */
  const wordOf = (profileId: string, signal: AbortSignal) =>
    new Promise<PortalWord | undefined>((resolve) => {
      if (signal.aborted) return resolve(undefined);
      awaitingWord.set(profileId, resolve);
      signal.addEventListener('abort', () => resolve(undefined), { once: true });
    }).finally(() => awaitingWord.delete(profileId));

  /** The confirming job run, for portal profiles whose owner gave its triggered-job URL. */
  async function runJob(profile: Profile): Promise<JobConfirmation | undefined> {
    const url = await deps.jobUrls.get(profile.id);
    if (!url) return undefined;
    step(profile.id, 'confirming');
    const current = deps.profiles.get(profile.id) ?? profile;
    const confirmation = await runTriggeredJob(url, {
      fetch: deps.fetch,
      now: deps.now(),
      ...(current.lastJobRunAt ? { lastRunAt: current.lastJobRunAt } : {}),
      explain: deps.explainJobMessage,
    });
    if (confirmation.state === 'ok' || confirmation.state === 'failed') deps.record.setState(profile.id, { lastJobRunAt: deps.record.iso() });
    deps.events.append({ profileId: profile.id, kind: 'job', outcome: confirmation.state, message: confirmation.message, ...(confirmation.words ? { words: confirmation.words } : {}) });
    return confirmation;
  }

  /** The job, then the person: how a reconnect without the portal's word may still be settled, while its page is on screen. */
  async function settleWithoutVerdict(profile: Profile, why: UnconfirmedReason, lines: string[], windowOpen: AbortSignal | null): Promise<Ending> {
    const confirmation = await runJob(profile);
    if (confirmation?.state === 'ok') return { kind: 'confirmed', evidence: 'job', confirmation };
    if (confirmation?.state === 'failed' && confirmation.explanation) return { kind: 'failed', failure: { outcome: 'job-failed', detail: confirmation.message } };
    if (!windowOpen) return { kind: 'unconfirmed', why, ...(confirmation ? { confirmation } : {}) };
    ask(profile.id, { kind: 'confirm', why, lines });
    const word = await wordOf(profile.id, windowOpen);
    ask(profile.id, null);
    if (word?.outcome === 'connected') return { kind: 'confirmed', evidence: 'person', ...(word.marker ? { marker: word.marker, markerContext: lines } : {}) };
    if (word?.outcome === 'failed') return { kind: 'failed', failure: { outcome: 'reported-failed', ...(word.detail ? { detail: word.detail } : {}) } };
    return { kind: 'unconfirmed', why: word ? 'person-unsure' : why, ...(confirmation ? { confirmation } : {}) };
  }

  /** The verdict as an ending (a person's word or the job may still settle an unconfirmed one, see above). */
  function endingOf(found: PortalAnswered): Ending | null {
    if (found.delivery?.error) return { kind: 'failed', failure: vismaFailure(found.delivery) };
    const { verdict } = found;
    switch (verdict.kind) {
      case 'confirmed':
        return { kind: 'confirmed', evidence: 'portal-page', said: verdict.said };
      case 'refused':
        return verdict.status !== undefined
          ? { kind: 'failed', failure: { outcome: 'portal-failed', ...(verdict.status ? { errorCode: String(verdict.status) } : {}), ...(verdict.said ? { detail: verdict.said } : {}) } }
          : { kind: 'failed', failure: { outcome: 'portal-refused', ...(verdict.said ? { detail: verdict.said } : {}) } };
      case 'wrong-user':
        return { kind: 'failed', failure: { outcome: 'wrong-user', shownUser: verdict.user, detail: verdict.said, connectionReplaced: true } };
      case 'wrong-company':
        return { kind: 'failed', failure: { outcome: 'wrong-company', pickedCompany: verdict.company, detail: verdict.said, connectionReplaced: true } };
      case 'unconfirmed':
        return null;
    }
  }

  /** Portals whose sign-in a fresh session does not carry (kept in the page's storage, say): the person signs in in each attempt's window. */
  const signInDoesNotCarry = new Set<string>();

  /**
   * Runs `use` with the portal sign-in, asking for it when none is held or the portal sent the
   * attempt to its sign-in page. A sign-in that did not come along into the attempt right after it
   * was made is done in the attempt's own window (`signInHere`), and from then on for that portal.
   * Ends in a failure when the person does not sign in.
   */
  async function withSignIn<T>(profile: Profile, signal: AbortSignal, ended: () => Failure, use: (cookies: PortalCookie[], signInHere: boolean) => Promise<T | 'signed-out'>): Promise<T | Failure> {
    const portal = deps.portals.get(profile.portalId)!;
    for (let signIns = 0; ; ) {
      let cookies = await deps.portals.cookies(portal.id);
      let justSignedIn = false;
      if (!cookies && !signInDoesNotCarry.has(portal.id)) {
        if (signIns++ >= MAX_SIGN_INS) {
          const { message: detail, words: detailWords } = inWords('reauth.detail.sign-in-loop', { portal: portal.name, count: MAX_SIGN_INS });
          return { outcome: 'portal-failed', detail, detailWords };
        }
        step(profile.id, 'signing-in');
        cookies = await deps.portals.signIn(portal.id, signal, profile.portalUrl);
        if (!cookies) {
          const { message: detail, words: detailWords } = inWords('reauth.detail.sign-in-unfinished', { portal: portal.name });
          return { ...ended(), detail, detailWords };
        }
        justSignedIn = true;
      }
      if (signal.aborted) return ended();
      const signInHere = justSignedIn || signInDoesNotCarry.has(portal.id);
      const result = await use(cookies ?? [], signInHere);
      if (result !== 'signed-out') return result;
      await deps.portals.expired(portal.id); // sign in again, then the same profile: the run goes on where it was
    }
  }

  const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'outcome' in value;

  /** The built-in window: the portal's own flow, watched and read. */
  async function inWindow(profile: Profile, signal: AbortSignal, ended: () => Failure): Promise<{ ending: Ending; seen?: PortalSeen }> {
    const portal = deps.portals.get(profile.portalId)!;
    const site = deps.portals.site(portal.id);
    const title = deps.words().text(message('reauth.portal.window-title', { portal: portal.name, profile: profile.name }));
    const others = deps.profiles
      .all()
      .filter((p) => p.companyId !== profile.companyId)
      .map((p) => ({ id: p.companyId, name: p.companyName }));
    const judge = (observation: PortalObservation) =>
      judgePortal({
        ...observation,
        marker: site.connectedMarker,
        apiUser: profile.apiUser,
        company: { id: profile.companyId, name: profile.companyName },
        otherCompanies: others,
        pageUrl: profile.portalUrl,
        otherProfiles: deps.profiles
          .all()
          .filter((p) => p.id !== profile.id && p.portalId === profile.portalId)
          .map((p) => p.name),
        isSignIn: (page: PageSnapshot) => isSignInPage(page, site),
      });

    const attempt = await withSignIn(profile, signal, ended, async (cookies, signInHere) => {
      step(profile.id, 'portal-page');
      let settled: Ending | null = null;
      const result = await runPortalAttempt(deps.surface, {
        site,
        pageUrl: profile.portalUrl,
        cookies,
        title,
        signal,
        signInHere,
        onStep: (s) => {
          if (s === 'portal-login') ask(profile.id, null); // Connect was pressed, by someone
          step(profile.id, s);
        },
        onConnect: (finding) => {
          if (finding.kind === 'pressed') return;
          ask(profile.id, {
            kind: 'press',
            label: site.connectButtonLabel,
            section: site.connectSection,
            found: finding.kind,
            names: finding.kind === 'several' ? finding.names : finding.kind === 'came-back' ? [finding.name] : [],
            sectionFound: finding.kind === 'none' && finding.sectionFound,
          });
        },
        judge,
        whileShown: async (found, windowOpen) => {
          settled = endingOf(found);
          // Ended on the portal's sign-in page: asking about that page helps nobody; it is looked at again below.
          if (settled || found.verdict.kind !== 'unconfirmed' || found.verdict.why === 'signed-out') return;
          settled = await settleWithoutVerdict(profile, found.verdict.why, found.verdict.candidates, windowOpen);
        },
      });
      ask(profile.id, null);
      if (result.kind === 'signed-out') return 'signed-out' as const;
      if ('signedInHere' in result && result.signedInHere) signInDoesNotCarry.add(portal.id);
      if ('cookies' in result) await deps.portals.renew(portal.id, result.cookies);
      if (result.kind === 'closed') return ended();
      if (result.kind === 'page-failed') return { outcome: 'portal-page-failed', errorCode: String(result.status), ...(result.said ? { detail: result.said } : {}) } as Failure;
      return { result, settled: settled as Ending | null };
    });
    if (isFailure(attempt)) return { ending: { kind: 'failed', failure: attempt } };

    const { result } = attempt;
    const seenOf = (verdict: PortalVerdict): PortalSeen => ({
      ...(result.authorize.clientId ? { clientId: result.authorize.clientId } : {}),
      ...(result.authorize.loginHint ? { loginHint: result.authorize.loginHint } : {}),
      ...(result.delivery ? { via: result.delivery.via } : {}),
      ...(result.callbackStatus ? { portalStatus: result.callbackStatus } : {}),
      ...((verdict.kind === 'confirmed' || verdict.kind === 'unconfirmed') && verdict.user ? { user: verdict.user } : {}),
    });
    if (attempt.settled || result.verdict.kind !== 'unconfirmed' || result.verdict.why !== 'signed-out') {
      const why = result.verdict.kind === 'unconfirmed' ? result.verdict.why : 'no-page';
      return { ending: attempt.settled ?? { kind: 'unconfirmed', why }, seen: seenOf(result.verdict) };
    }

    // The portal ended on its sign-in page (its sign-in expired meanwhile, or a SameSite=Strict cookie
    // did not come along): sign in again if need be, and read the profile's page with what was seen before.
    const followUp = await withSignIn(profile, signal, ended, async (cookies) => {
      step(profile.id, 'portal-reading');
      let found: { ending: Ending; verdict: PortalVerdict } | undefined;
      const look = await runPortalLook(deps.surface, {
        site,
        pageUrl: profile.portalUrl,
        cookies,
        title,
        signal,
        whileShown: async (page, windowOpen, reveal) => {
          const verdict = judge({ ...result.observation, after: [...result.observation.after, page] });
          const ending = endingOf({ ...result, verdict });
          if (ending || verdict.kind !== 'unconfirmed') {
            found = { ending: ending!, verdict };
            return;
          }
          reveal();
          found = { ending: await settleWithoutVerdict(profile, verdict.why, verdict.candidates, windowOpen), verdict };
        },
      });
      if (look.kind === 'signed-out') return 'signed-out' as const;
      if (look.kind === 'shown') await deps.portals.renew(portal.id, look.cookies);
      return found ?? { ending: { kind: 'unconfirmed', why: 'signed-out' } as Ending, verdict: result.verdict };
    });
    if (isFailure(followUp)) return { ending: { kind: 'unconfirmed', why: 'signed-out' }, seen: seenOf(result.verdict) };
    return { ending: followUp.ending, seen: seenOf(followUp.verdict) };
  }

  /** A browser on this machine (B4): Bridgekeeper cannot watch it, so it goes by the person's word. */
  async function inBrowser(profile: Profile, choice: BrowserChoice, signal: AbortSignal, ended: () => Failure): Promise<{ ending: Ending; seen?: PortalSeen }> {
    let launched: Awaited<ReturnType<BrowserLogins['openPage']>> | undefined;
    try {
      launched = await deps.browsers.openPage(profile.portalUrl, choice, signal, { waitingForPreviousWindow: () => step(profile.id, 'close-previous') });
      if (!launched) return { ending: { kind: 'failed', failure: ended() } };
      step(profile.id, 'portal-browser');
      const word = await wordOf(profile.id, signal);
      if (!word) return { ending: { kind: 'failed', failure: ended() } };
      if (word.outcome === 'failed') return { ending: { kind: 'failed', failure: { outcome: 'reported-failed', ...(word.detail ? { detail: word.detail } : {}) } } };
      if (word.outcome === 'unsure') return { ending: { kind: 'unconfirmed', why: 'person-unsure' } };
      return { ending: { kind: 'confirmed', evidence: 'person' } };
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error;
      return { ending: { kind: 'failed', failure: signal.aborted ? ended() : { outcome: 'browser-failed', detail: error.message } } };
    } finally {
      await launched?.stop(); // a throw-away browser closes and its profile folder goes
    }
  }

  /** Records the ending on the profile and the trail, and puts it in words. */
  async function finish(profile: Profile, ending: Ending, seen: PortalSeen | undefined): Promise<ReauthResult> {
    const portal = deps.portals.get(profile.portalId);
    const target = portal?.name ?? english.t('reauth.portal.fallback');
    const where = { name: target };
    const withSeen = seen ? { portal: seen } : {};
    const vendor = portal ? vendorOf(portal) : 'other';

    if (ending.kind === 'confirmed' && ending.evidence !== 'job') {
      // The page or the person confirmed it; the job, where there is one, has the last word.
      const confirmation = ending.confirmation ?? (await runJob(profile));
      if (confirmation?.state === 'failed' && confirmation.explanation) {
        return finish(profile, { kind: 'failed', failure: { outcome: 'job-failed', detail: confirmation.message } }, seen);
      }
      if (confirmation) ending = { ...ending, confirmation };
    }

    if (ending.kind === 'failed') {
      const explained = { ...explain(profile, where, ending.failure, { timeoutMinutes: minutes(), vendor }), ...withSeen };
      if (ending.failure.outcome === 'job-failed') {
        const confirmation = await lastJob(profile);
        deps.record.setState(profile.id, { status: 'needs-reauth', statusSince: deps.record.iso(), statusReason: { code: 'job-failed', ...inWords('reauth.status.job-failed', { title: explained.title, explanation: confirmation ?? verbatim(ending.failure.detail ?? '') }) } });
        deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'job-failed', message: english.text(explained.title), words: explained.title });
        return explained;
      }
      deps.record.failed(profile, ending.failure, explained);
      return explained;
    }

    const via: NonNullable<ProfileState['connectedVia']> = {
      portalId: profile.portalId,
      ...(seen?.clientId ? { clientId: seen.clientId } : {}),
      ...((seen?.user ?? seen?.loginHint) ? { user: (seen?.user ?? seen?.loginHint)! } : {}),
    };

    if (ending.kind === 'unconfirmed') {
      const title = message('reauth.unconfirmed.title', { target });
      const explanation = message(`reauth.unconfirmed.why.${ending.why}`, { target, marker: portal?.connectedMarker ?? '' });
      const nextStep = message('reauth.unconfirmed.next', { target });
      deps.record.setState(profile.id, {
        status: 'unconfirmed',
        statusSince: deps.record.iso(),
        statusReason: { code: 'not-confirmed', ...inWords('reauth.status.reason', { title, next: nextStep }) },
        connectedVia: via,
      });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'unconfirmed', message: english.text(title), words: title });
      return { profileId: profile.id, outcome: 'unconfirmed', title, explanation, nextStep, ...withSeen, ...(ending.confirmation ? { confirmation: ending.confirmation } : {}) };
    }

    const said = ending.evidence === 'job' ? ending.confirmation?.message : ending.said;
    const learned = ending.marker && portal ? await rememberMarker(portal, ending.marker, ending.markerContext ?? [], profile) : undefined;
    deps.record.setState(profile.id, {
      status: 'connected',
      statusSince: deps.record.iso(),
      statusReason: undefined,
      lastVerifiedAt: deps.record.iso(),
      connectedVia: { ...via, evidence: ending.evidence, ...(said ? { said } : {}) },
    });
    const title = message('reauth.portal.connected.title', { target });
    const evidence =
      ending.evidence === 'job'
        ? message('reauth.portal.job-ok', { message: ending.confirmation!.message })
        : ending.evidence === 'portal-page'
          ? message('reauth.portal.evidence.page', { target, said: ending.said ?? '' })
          : message('reauth.portal.evidence.person', { target });
    const jobToo = ending.evidence !== 'job' && ending.confirmation?.state === 'ok' ? message('reauth.portal.job-ok', { message: ending.confirmation.message }) : undefined;
    const who = seen?.user ? message('reauth.portal.names-user', { target, user: seen.user }) : message('reauth.portal.unchecked', { target, company: companyWords(profile) });
    const parts: Message[] = [evidence, ...(jobToo ? [jobToo] : []), who, ...(learned ? [message('reauth.portal.marker-learned', { target, marker: learned })] : [])];
    deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'connected', message: english.text(title), words: joinAll(parts.slice(0, 1)) });
    const needsJob = !ending.confirmation && ending.evidence !== 'job';
    return {
      profileId: profile.id,
      outcome: 'connected',
      title,
      explanation: joinAll(parts),
      ...(needsJob ? { nextStep: message('reauth.portal.confirm', { target }) } : ending.confirmation && ending.confirmation.state !== 'ok' ? { nextStep: ending.confirmation.words ?? verbatim(ending.confirmation.message) } : {}),
      portal: { ...seen, evidence: ending.evidence, ...(said ? { said } : {}) },
      ...(ending.confirmation ? { confirmation: ending.confirmation } : {}),
    };
  }

  /** The explanation of the job run just recorded (for the status's words). */
  async function lastJob(profile: Profile): Promise<Message | undefined> {
    const event = deps.events.forProfile(profile.id).find((e) => e.kind === 'job');
    return event ? (event.words ?? verbatim(event.message)) : undefined;
  }

  /** The person pointed at the words that say "connected": the portal looks for them from now on. */
  async function rememberMarker(portal: PortalDefinition, line: string, context: string[], profile: Profile): Promise<string | undefined> {
    const marker = learnMarker(line, { user: profile.apiUser, company: profile.companyName, companyId: profile.companyId, others: [profile.name] }, context);
    // Words that are only wildcards, or that would not find the very lines they came from, are no words to look for.
    if (!matchMarker(marker, [line, ...context])) return undefined;
    await deps.portals.savePortal({ ...portal, connectedMarker: marker });
    deps.log.info('portal.marker-learned', { portalId: portal.id });
    return marker;
  }

  /** What every portal attempt begins with (its portal, the time limit, a cancel) and ends with (the outcome recorded). */
  async function attempt(
    profile: Profile,
    signal: AbortSignal,
    run: (portal: PortalDefinition, signal: AbortSignal, ended: () => Failure) => Promise<{ ending: Ending; seen?: PortalSeen }>,
  ): Promise<ReauthResult> {
    const portal = deps.portals.get(profile.portalId);
    if (!portal) {
      const { message: detail, words: detailWords } = inWords('reauth.detail.no-portal', { portal: profile.portalId });
      return finish(profile, { kind: 'failed', failure: { outcome: 'not-configured', detail, detailWords } }, undefined);
    }
    const timeout = AbortSignal.timeout(deps.loginTimeoutMs);
    const { ending, seen } = await run(portal, AbortSignal.any([signal, timeout]), () => ({ outcome: timeout.aborted ? 'timed-out' : 'cancelled' }));
    return finish(profile, ending, seen);
  }

  /** A reconnect that was not confirmed: the profile's page once more, nothing pressed; its job, or the person's word. */
  async function look(profile: Profile, portal: PortalDefinition, signal: AbortSignal, ended: () => Failure): Promise<{ ending: Ending }> {
    const outcome = await withSignIn(profile, signal, ended, async (cookies) => {
      step(profile.id, 'portal-page');
      let settled: Ending = { kind: 'unconfirmed', why: 'no-page' };
      const result = await runPortalLook(deps.surface, {
        site: deps.portals.site(portal.id),
        pageUrl: profile.portalUrl,
        cookies,
        title: deps.words().text(message('reauth.portal.window-title', { portal: portal.name, profile: profile.name })),
        signal,
        whileShown: async (page, windowOpen, reveal) => {
          reveal();
          settled = await settleWithoutVerdict(profile, 'no-marker', (page.snapshot.section ?? page.snapshot.lines).slice(0, 8), windowOpen);
        },
      });
      if (result.kind === 'signed-out') return 'signed-out' as const;
      if (result.kind === 'closed') return ended();
      if (result.kind === 'page-failed') return { outcome: 'portal-page-failed', errorCode: String(result.status) } as Failure;
      await deps.portals.renew(portal.id, result.cookies);
      return settled;
    });
    return { ending: isFailure(outcome) ? { kind: 'failed', failure: outcome } : outcome };
  }

  return {
    /** F18: reconnects a portal profile in the portal's own flow; `override` is this reconnect's "Log in with" (B4). */
    reconnect: (profile: Profile, override: LoginWith | undefined, signal: AbortSignal): Promise<ReauthResult> =>
      attempt(profile, signal, (portal, limited, ended) => {
        const loginWith = override ?? portal.loginWith;
        return loginWith?.kind === 'browser' ? inBrowser(profile, loginWith, limited, ended) : inWindow(profile, limited, ended);
      }),

    /** A reconnect that was not confirmed: the job, or the person's word after seeing the profile's page once more. */
    confirm: (profile: Profile, signal: AbortSignal): Promise<ReauthResult> =>
      attempt(profile, signal, (portal, limited, ended) =>
        portal.loginWith?.kind === 'browser' ? inBrowser(profile, portal.loginWith, limited, ended) : look(profile, portal, limited, ended),
      ),

    /** The person's word on the portal's page; false when no reconnect waits for it. */
    reportWord(profileId: string, word: PortalWord): boolean {
      const settle = awaitingWord.get(profileId);
      if (!settle) return false;
      settle(word);
      return true;
    },
  };
}

/** Sentences, one after the other. */
function joinAll(parts: Message[]): Message {
  return parts.slice(1).reduce((first, second) => message('reauth.join', { first, second }), parts[0]!);
}

export type PortalReconnects = ReturnType<typeof createPortalReconnects>;
