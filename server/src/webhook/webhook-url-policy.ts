import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

import type { WebhookUrlSettings } from '../graphql/context';

/** What decides which endpoints the server may call (the environment, private networks). */
export type WebhookUrlPolicy = WebhookUrlSettings;

/** Loopback, private (RFC 1918, ULA), link-local (cloud metadata), CGNAT and unspecified. */
const PRIVATE_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP literal) is on a network an endpoint may not be on by default. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return PRIVATE_NETWORKS.check(mapped[1], 'ipv4');
  // The URL parser writes IPv4-mapped addresses in hexadecimal (`::ffff:a00:1`).
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped) {
    const [high, low] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
    return PRIVATE_NETWORKS.check([high >> 8, high & 255, low >> 8, low & 255].join('.'), 'ipv4');
  }
  const family = isIP(bare);
  if (family === 0) return false;
  return PRIVATE_NETWORKS.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCALHOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalhost(hostname: string): boolean {
  return LOCALHOST_NAMES.has(hostname.toLowerCase()) || hostname.endsWith('.localhost');
}

/**
 * Why `url` may not be an endpoint, judged from its text alone (null: it may, so far). Only
 * https:// in production; http:// also to localhost outside production, where localhost is the
 * developer's own receiver. Private-network literals are refused unless allowed.
 */
export function refusedWebhookUrl(url: string, policy: WebhookUrlPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  const local = isLocalhost(parsed.hostname);
  const developing = policy.nodeEnv !== 'production';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local && developing)) {
    return developing
      ? 'must use https:// (http:// is allowed for localhost outside production)'
      : 'must use https://';
  }
  if (local) {
    return developing || policy.allowPrivateNetworks
      ? null
      : 'points to this machine (localhost); set WEBHOOK_ALLOW_PRIVATE_NETWORKS to allow it';
  }
  if (!policy.allowPrivateNetworks && isPrivateAddress(parsed.hostname)) {
    return `points to a private network address (${parsed.hostname}); set WEBHOOK_ALLOW_PRIVATE_NETWORKS to allow it`;
  }
  return null;
}

/**
 * The same check after the host name is resolved, at creation and before every send, so a
 * name that points (or later points) into a private network is refused too.
 */
export async function refusedWebhookTarget(
  url: string,
  policy: WebhookUrlPolicy,
): Promise<string | null> {
  const refused = refusedWebhookUrl(url, policy);
  if (refused) return refused;
  const { hostname } = new URL(url);
  if (
    policy.allowPrivateNetworks ||
    isLocalhost(hostname) ||
    isIP(hostname.replace(/^\[|\]$/g, ''))
  )
    return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(hostname, { all: true });
  } catch {
    return `names a host that does not resolve (${hostname})`;
  }
  const inside = addresses.find(({ address }) => isPrivateAddress(address));
  return inside
    ? `resolves to a private network address (${hostname} → ${inside.address}); set WEBHOOK_ALLOW_PRIVATE_NETWORKS to allow it`
    : null;
}

/** How a host name is resolved: `dns.lookup` with every address (tests pass their own). */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * The `lookup` of the connection that sends a delivery: the addresses the socket connects to
 * are the ones checked, so a name that resolves somewhere public when it is checked and into a
 * private network a moment later (DNS rebinding) is refused at connect time.
 */
export function guardedLookup(
  policy: WebhookUrlPolicy,
  resolveAll: ResolveAll = dnsLookup as unknown as ResolveAll,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const inside =
        policy.allowPrivateNetworks || isLocalhost(hostname)
          ? undefined
          : addresses.find(({ address }) => isPrivateAddress(address));
      if (inside || addresses.length === 0) {
        const refusal = new Error(
          inside
            ? `${hostname} resolves to a private network address (${inside.address})`
            : `${hostname} does not resolve`,
        ) as NodeJS.ErrnoException;
        refusal.code = 'URL_NOT_ALLOWED';
        return callback(refusal, '', 0);
      }
      if (options.all) return (callback as unknown as ResolveAllCallback)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

type ResolveAllCallback = (error: null, addresses: LookupAddress[]) => void;
