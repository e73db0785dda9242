/** The Visma.net ERP API's address (visma-facts.md): https://api.finance.visma.net with paths like /v1/organization. */
export const ERP_API_BASE_URL = 'https://api.finance.visma.net';

/** The old address (…/API/controller/api), throttled since 1 February 2026 and being switched off. */
export const OLD_ERP_API_HOST = 'integration.visma.net';

/** Whether a URL (or text that should be one) points at the old address. */
export function namesOldErpApiHost(url: string): boolean {
  try {
    return new URL(url).hostname.toLowerCase() === OLD_ERP_API_HOST;
  } catch {
    return url.toLowerCase().includes(OLD_ERP_API_HOST);
  }
}
