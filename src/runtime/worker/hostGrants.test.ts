import { describe, expect, it } from 'vitest';
import { hostRules, isUrlAllowed, parseHostGrant, requestHost } from './hostGrants';

const allows = (grants: string[], url: string) => isUrlAllowed(new URL(url), hostRules(grants));

describe('parseHostGrant', () => {
  it('reads the three forms, with and without a port', () => {
    expect(parseHostGrant('api.example.com')).toEqual({
      ok: true,
      rule: { kind: 'exact', host: 'api.example.com' },
    });
    expect(parseHostGrant('*.example.com')).toEqual({
      ok: true,
      rule: { kind: 'subdomains', host: 'example.com' },
    });
    expect(parseHostGrant(' .example.com:8443 ')).toEqual({
      ok: true,
      rule: { kind: 'domain', host: 'example.com', port: 8443 },
    });
    expect(parseHostGrant('[::1]:8080')).toEqual({
      ok: true,
      rule: { kind: 'exact', host: '[::1]', port: 8080 },
    });
  });

  it('normalises case, IDN, IPv4 spellings and a trailing dot as the URL parser does', () => {
    const host = (text: string) => {
      const parsed = parseHostGrant(text);
      return parsed.ok ? parsed.rule.host : parsed.reason;
    };
    expect(host('API.Example.COM.')).toBe('api.example.com');
    expect(host('bücher.example')).toBe('xn--bcher-kva.example');
    expect(host('0x7f.1')).toBe('127.0.0.1');
    expect(host('[0:0::1]')).toBe('[::1]');
  });

  it('refuses what is more or less than a host', () => {
    for (const text of [
      '',
      'https://example.com',
      'example.com/path',
      'user@example.com',
      'example.com?x',
      'exa mple.com',
      'example.com:99999',
      'ex%61mple.com',
      'api.*.example.com',
      '*',
      '*.com',
      '.com',
      '*.127.0.0.1',
      '::1',
      'example.com:',
    ]) {
      expect(parseHostGrant(text).ok, text).toBe(false);
    }
  });
});

describe('isUrlAllowed', () => {
  it('allows an exact host on its default port and nothing around it', () => {
    const grants = ['api.example.com'];
    expect(allows(grants, 'https://api.example.com/v1?q=1')).toBe(true);
    expect(allows(grants, 'http://api.example.com/')).toBe(true);
    expect(allows(grants, 'https://example.com/')).toBe(false);
    expect(allows(grants, 'https://x.api.example.com/')).toBe(false);
    expect(allows(grants, 'https://api.example.com.evil.net/')).toBe(false);
    expect(allows(grants, 'https://evilapi.example.com/')).toBe(false);
  });

  it('allows subdomains at any depth with "*." but not the domain itself', () => {
    const grants = ['*.example.com'];
    expect(allows(grants, 'https://a.example.com/')).toBe(true);
    expect(allows(grants, 'https://a.b.example.com/')).toBe(true);
    expect(allows(grants, 'https://example.com/')).toBe(false);
    expect(allows(grants, 'https://badexample.com/')).toBe(false);
  });

  it('allows the domain and its subdomains with a leading dot', () => {
    const grants = ['.example.com'];
    expect(allows(grants, 'https://example.com/')).toBe(true);
    expect(allows(grants, 'https://a.b.example.com/')).toBe(true);
    expect(allows(grants, 'https://notexample.com/')).toBe(false);
  });

  it('keeps to the default port unless the grant names another', () => {
    expect(allows(['localhost'], 'http://localhost/')).toBe(true);
    expect(allows(['localhost'], 'http://localhost:8080/')).toBe(false);
    expect(allows(['localhost'], 'https://localhost:80/')).toBe(false);
    expect(allows(['localhost:8080'], 'http://localhost:8080/')).toBe(true);
    expect(allows(['localhost:8080'], 'http://localhost/')).toBe(false);
    expect(allows(['localhost:443'], 'http://localhost:443/')).toBe(true);
    expect(allows(['*.example.com:8443'], 'https://a.example.com:8443/')).toBe(true);
  });

  it('matches IP literals exactly, in whatever spelling the request uses', () => {
    expect(allows(['127.0.0.1:9000'], 'http://127.0.0.1:9000/')).toBe(true);
    expect(allows(['127.0.0.1:9000'], 'http://2130706433:9000/')).toBe(true);
    expect(allows(['127.0.0.1:9000'], 'http://0x7f.0.0.1:9000/')).toBe(true);
    expect(allows(['127.0.0.1:9000'], 'http://localhost:9000/')).toBe(false);
    expect(allows(['[::1]'], 'http://[0::1]/')).toBe(true);
    expect(allows(['[::1]'], 'http://[::2]/')).toBe(false);
    // A domain grant never matches an address that happens to end the same way.
    expect(allows(['.0.1.example'], 'http://10.0.0.1/')).toBe(false);
  });

  it('is not fooled by userinfo: the host is what follows the @', () => {
    expect(allows(['granted.com'], 'http://granted.com@evil.com/')).toBe(false);
    expect(allows(['granted.com'], 'http://granted.com:pw@evil.com/')).toBe(false);
    expect(allows(['evil.com'], 'http://granted.com@evil.com/')).toBe(false);
    expect(requestHost(new URL('http://granted.com@evil.com/'))).toBe('evil.com');
    expect(allows(['granted.com'], 'http://evil.com#@granted.com/')).toBe(false);
    expect(allows(['granted.com'], 'http://evil.com\\@granted.com/')).toBe(false);
  });

  it('ignores case and a trailing dot on the request', () => {
    expect(allows(['api.example.com'], 'https://API.EXAMPLE.COM./')).toBe(true);
    expect(allows(['api.example.com.'], 'https://api.example.com/')).toBe(true);
  });

  it('compares IDN hosts as punycode on both sides', () => {
    expect(allows(['bücher.example'], 'https://xn--bcher-kva.example/')).toBe(true);
    expect(allows(['xn--bcher-kva.example'], 'https://BÜCHER.example/')).toBe(true);
    // A look-alike with a Cyrillic "а" is another host.
    expect(allows(['example.com'], 'https://ex\u0430mple.com/')).toBe(false);
  });

  it('allows only http and https', () => {
    for (const url of [
      'ftp://api.example.com/',
      'ws://api.example.com/',
      'file://api.example.com/x',
      'data:text/plain,api.example.com',
      'blob:https://api.example.com/1',
    ]) {
      expect(allows(['api.example.com'], url), url).toBe(false);
    }
  });

  it('allows nothing without grants, and ignores grants that do not parse', () => {
    expect(allows([], 'https://example.com/')).toBe(false);
    expect(allows(['https://example.com', '*'], 'https://example.com/')).toBe(false);
  });
});
