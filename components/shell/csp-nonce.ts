import { headers } from 'next/headers';

/** This request's CSP nonce (proxy.ts puts the policy on the request too): inline scripts run only with it. */
export async function cspNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy');
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
