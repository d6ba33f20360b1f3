import { describe, expect, it, vi } from 'vitest';
import { NetworkLog } from '../httpLimits';
import { HostRefusal } from './astridHost';
import { capsuleHttp, parseCapsuleRequest } from './capsuleHttp';

function setUp(hosts: string[], response = new Response('hi', { headers: { 'x-a': '1' } })) {
  const network = new NetworkLog();
  const denied: string[] = [];
  const fetchImpl = vi.fn(async () => response);
  const http = capsuleHttp({
    hosts,
    network,
    onDenied: (detail) => denied.push(detail),
    fetchImpl: fetchImpl as unknown as typeof fetch,
  });
  return { http, network, denied, fetchImpl };
}

describe('astrid_http_request', () => {
  it("reads astrid's request: GET by default, headers as a map or as key/value pairs", () => {
    expect(parseCapsuleRequest('{"url":"https://a.example/x"}')).toMatchObject({
      method: 'GET',
      headers: [],
    });
    expect(
      parseCapsuleRequest(
        '{"url":"https://a.example","method":"post","headers":[{"key":"a","value":"b"}],"body":"x"}',
      ),
    ).toMatchObject({ method: 'POST', headers: [['a', 'b']], body: 'x' });
    expect(() => parseCapsuleRequest('{"method":"GET"}')).toThrow('url must be a string');
    expect(() => parseCapsuleRequest('{"url":"x"}')).toThrow('invalid url x');
    expect(() => parseCapsuleRequest('{"url":"https://a.example","headers":{"a":1}}')).toThrow(
      'headers must map names to strings',
    );
    expect(() => parseCapsuleRequest('not json')).toThrow(/invalid http request json/);
  });

  it('refuses a host the grants do not name, before anything is sent, and records it', async () => {
    const { http, network, denied, fetchImpl } = setUp(['api.example.com']);
    const refused = http('{"url":"https://evil.example/steal"}');
    await expect(refused).rejects.toBeInstanceOf(HostRefusal);
    await expect(refused).rejects.toMatchObject({ code: 'PermissionDenied' });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(network.denied).toEqual(['evil.example']);
    expect(denied[0]).toContain('evil.example is not among the hosts');
  });

  it("sends an allowed request without the page's cookies or referrer, not following redirects", async () => {
    const { http, network, fetchImpl } = setUp(['api.example.com']);
    const answer = JSON.parse(
      await http(
        '{"url":"https://api.example.com/v1","method":"POST","headers":{"a":"b"},"body":"x"}',
      ),
    );
    expect(answer).toEqual({
      status: 200,
      headers: { 'content-type': expect.any(String), 'x-a': '1' },
      body: 'hi',
    });
    expect(network.requests).toBe(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example.com/v1');
    expect(init).toMatchObject({
      method: 'POST',
      headers: [['a', 'b']],
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  });

  it('fails the call on a redirect, which it does not follow', async () => {
    const redirect = { type: 'opaqueredirect', status: 0, headers: new Headers() } as Response;
    const { http } = setUp(['api.example.com'], redirect);
    await expect(http('{"url":"https://api.example.com/"}')).rejects.toThrow('does not follow');
  });
});
