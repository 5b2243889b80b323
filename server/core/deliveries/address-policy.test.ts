import { describe, expect, it } from 'vitest';
import { isCoreError } from '../errors';
import { checkWebhookUrl, isBlockedAddress } from './address-policy';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:169.254.1.1',
    'not-an-ip',
  ])('refuses %s', (a) => expect(isBlockedAddress(a)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '1.1.1.1'])(
    'allows %s',
    (a) => expect(isBlockedAddress(a)).toBe(false),
  );
});

describe('checkWebhookUrl', () => {
  const problem = (url: string, allow = false) => {
    try {
      checkWebhookUrl(url, allow);
      return null;
    } catch (e) {
      expect(isCoreError(e) && e.code).toBe('INVALID');
      return (e as Error).message;
    }
  };

  it('accepts public http(s) URLs as they are', () => {
    expect(checkWebhookUrl('https://hooks.slack.com/services/T0/B0/x', false)).toBe(
      'https://hooks.slack.com/services/T0/B0/x',
    );
    expect(problem('http://example.com:8080/a?b=c')).toBeNull();
  });

  it('names the field and says what is wrong', () => {
    expect(problem('gopher://example.com')).toMatch(/^url: only http and https/);
    expect(problem('https://a:b@example.com')).toMatch(/^url: must not carry credentials/);
    expect(problem('::')).toMatch(/^url: not a valid URL/);
    expect(problem('http://127.0.0.1:9/x')).toMatch(/^url: 127\.0\.0\.1 is a loopback/);
    expect(problem('http://[::1]/x')).toMatch(/^url: ::1 is a loopback/);
    expect(problem('http://api.localhost/x')).toMatch(/^url: api\.localhost is a loopback/);
    expect(problem('http://192.168.0.10/x')).toMatch(/FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1/);
  });

  it('lets private addresses through when allowed', () => {
    expect(problem('http://127.0.0.1:9/x', true)).toBeNull();
    expect(problem('http://localhost/x', true)).toBeNull();
  });
});
