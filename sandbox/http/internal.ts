/**
 * Marks the sandbox's own calls to itself (the ERP API reading discovery and JWKS), so request
 * counts and faults show only what a client did.
 */
export const INTERNAL_HEADER = 'x-bridgekeeper-sandbox-internal';
