import type { LookupOneOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

import { Webhook as StandardWebhook } from 'standardwebhooks';

import { failedForDays, MAX_RETRY_DELAY_MS, nextAttemptAt, retryDelayMs } from './webhook-retry';
import { newWebhookSecret, webhookHeaders, webhookSignature } from './webhook-signature';
import {
  guardedLookup,
  isPrivateAddress,
  refusedWebhookUrl,
  type ResolveAll,
} from './webhook-url-policy';

describe('webhook signature (Standard Webhooks)', () => {
  it('is what the standardwebhooks package verifies', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: 'projectUpdated', data: { a: 1 } });
    const headers = webhookHeaders(secret, 'msg_1', body);
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs "<id>.<timestamp>.<body>" with the secret’s bytes (the specification’s example)', () => {
    // The example of the Standard Webhooks specification.
    expect(
      webhookSignature(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('fails verification when the body changes', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders(secret, 'msg_2', '{"a":1}');
    expect(() => new StandardWebhook(secret).verify('{"a":2}', headers)).toThrow();
  });
});

describe('webhook retry schedule', () => {
  const schedule = { firstRetryMs: 30_000, retryForMs: 86_400_000 };

  it('doubles from the first delay, capped at an hour', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(schedule, failures))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(schedule, 20)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('gives up once the next try would fall outside the retry window', () => {
    const created = 1_000_000;
    expect(nextAttemptAt(schedule, created, 1, created)).toBe(created + 30_000);
    expect(nextAttemptAt(schedule, created, 30, created + 86_000_000)).toBeNull();
  });

  it('counts failing days from the first failure of the run', () => {
    expect(failedForDays(null, 5, 10 * 86_400_000)).toBe(false);
    expect(failedForDays(0, 5, 5 * 86_400_000 - 1)).toBe(false);
    expect(failedForDays(0, 5, 5 * 86_400_000)).toBe(true);
  });
});

describe('webhook URL policy (SSRF)', () => {
  const production = { nodeEnv: 'production' as const, allowPrivateNetworks: false };
  const development = { nodeEnv: 'development' as const, allowPrivateNetworks: false };

  it('takes https:// only in production', () => {
    expect(refusedWebhookUrl('https://hooks.example.org/in', production)).toBeNull();
    expect(refusedWebhookUrl('http://hooks.example.org/in', production)).toBe('must use https://');
    expect(refusedWebhookUrl('http://localhost:8080/in', production)).toBe('must use https://');
  });

  it('takes http:// to localhost in development, nowhere else', () => {
    expect(refusedWebhookUrl('http://localhost:8080/in', development)).toBeNull();
    expect(refusedWebhookUrl('http://127.0.0.1:8080/in', development)).toBeNull();
    expect(refusedWebhookUrl('http://hooks.example.org/in', development)).toMatch(/https:\/\//);
  });

  it('refuses private, loopback and link-local addresses unless allowed', () => {
    for (const url of [
      'https://10.1.2.3/in',
      'https://192.168.0.10/in',
      'https://172.20.0.1/in',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/in',
      'https://[fd00::1]/in',
      'https://[::ffff:10.0.0.1]/in',
    ]) {
      expect(refusedWebhookUrl(url, production)).toMatch(/private network|this machine/);
      expect(refusedWebhookUrl(url, { ...production, allowPrivateNetworks: true })).toBeNull();
    }
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
  });

  it('refuses URLs with credentials or that are not URLs', () => {
    expect(refusedWebhookUrl('https://user:pw@hooks.example.org/', production)).toMatch(
      /user name/,
    );
    expect(refusedWebhookUrl('hooks.example.org', production)).toBe('is not an absolute URL');
  });
});

describe('guardedLookup (the connection of a delivery)', () => {
  const production = { nodeEnv: 'production' as const, allowPrivateNetworks: false };
  /** A resolver that answers `addresses` for every name, as a rebinding DNS server would. */
  const resolvingTo =
    (...addresses: string[]): ResolveAll =>
    (_hostname, _options, callback) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
  const connectTo = (lookup: LookupFunction, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      lookup('hooks.example.org', { all } as LookupOneOptions, (error, address, family) =>
        error ? reject(error) : resolve(all ? address : { address, family }),
      ),
    );

  it('connects to a public address', async () => {
    await expect(
      connectTo(guardedLookup(production, resolvingTo('203.0.113.7')), false),
    ).resolves.toEqual({
      address: '203.0.113.7',
      family: 4,
    });
    await expect(
      connectTo(guardedLookup(production, resolvingTo('203.0.113.7', '2001:db8::1')), true),
    ).resolves.toEqual([
      { address: '203.0.113.7', family: 4 },
      { address: '2001:db8::1', family: 6 },
    ]);
  });

  it('refuses, at connect time, a name that now resolves into a private network', async () => {
    for (const address of ['10.0.0.5', '169.254.169.254', '::1']) {
      await expect(
        connectTo(guardedLookup(production, resolvingTo('203.0.113.7', address)), true),
      ).rejects.toEqual(
        expect.objectContaining({
          code: 'URL_NOT_ALLOWED',
          message: `hooks.example.org resolves to a private network address (${address})`,
        }),
      );
    }
  });

  it('lets private addresses through when the configuration allows them', async () => {
    const allowed = { ...production, allowPrivateNetworks: true };
    await expect(
      connectTo(guardedLookup(allowed, resolvingTo('10.0.0.5')), false),
    ).resolves.toEqual({
      address: '10.0.0.5',
      family: 4,
    });
  });
});
