import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * The address of the client that sent the request, for rate limits and logs. Behind a reverse proxy or
 * load balancer every request comes from the proxy, so with TRUSTED_PROXY_HOPS = n the address is the
 * n-th entry from the right of X-Forwarded-For (each trusted proxy appends the address it saw; entries
 * further left are whatever the client chose to send and cannot be trusted).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('deps').config.TRUSTED_PROXY_HOPS;
  if (hops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const address = forwarded[forwarded.length - hops];
    if (address) return address;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
