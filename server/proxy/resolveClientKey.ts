import { isIPv4, isIPv6 } from 'node:net';

/**
 * Decides which client a request is counted against for rate limiting.
 *
 * With `trustProxy === 0` the socket's remote address is used and X-Forwarded-For is ignored
 * (clients can forge it). With `trustProxy = n > 0`, the X-Forwarded-For entry `n` hops from the
 * right is used (the address the outermost trusted proxy saw); when the header has fewer entries,
 * its leftmost entry is used, and without the header the socket address.
 *
 * IPv4-mapped IPv6 addresses are reduced to IPv4, and IPv6 addresses to their /64 prefix
 * (one subscriber usually owns a whole /64).
 *
 * @param remoteAddress the socket's remote address, if known.
 * @param forwardedFor the X-Forwarded-For header, if any.
 * @param trustProxy number of trusted proxy hops.
 * @returns a key such as `ip:203.0.113.7` or `ip6:2001:db8:0:1::/64`, or `unknown`.
 */
export function resolveClientKey(remoteAddress: string | undefined, forwardedFor: string | null | undefined, trustProxy: number): string {
  let address = remoteAddress;
  if (trustProxy > 0 && forwardedFor) {
    const entries = forwardedFor
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e.length > 0);
    if (entries.length > 0) address = entries[Math.max(0, entries.length - trustProxy)];
  }
  return address ? keyForAddress(address) : 'unknown';
}

function keyForAddress(raw: string): string {
  let address = raw.trim();
  // "[2001:db8::1]:1234" or "203.0.113.7:1234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  if (isIPv4(address)) return `ip:${address}`;
  if (isIPv6(address)) return `ip6:${ipv6Prefix64(address)}/64`;
  return `other:${address.slice(0, 100)}`;
}

function ipv6Prefix64(address: string): string {
  const withoutZone = address.split('%')[0] ?? address;
  const [head = '', tail = ''] = withoutZone.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = withoutZone.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
  return (
    groups
      .slice(0, 4)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':') + '::'
  );
}
