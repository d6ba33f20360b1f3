import { describe, expect, it } from 'vitest';
import { fetchSkillFiles, UrlLoadError } from './fetchBundle';

const BASE = 'https://playground.example/';

async function failure(input: string, fetchFn: typeof fetch): Promise<UrlLoadError> {
  const error = await fetchSkillFiles(input, BASE, fetchFn).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UrlLoadError);
  return error as UrlLoadError;
}

const never: typeof fetch = () => Promise.reject(new Error('no request expected'));
const answer =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

describe('UrlLoadError codes', () => {
  it('names an input that is not a URL, or not http', async () => {
    expect((await failure('http://[', never)).code).toBe('InvalidUrl');
    expect((await failure('ftp://example.com/skill.zip', never)).code).toBe('UnsupportedProtocol');
  });

  it('tells a missing file from a server that did not answer, which may be retried', async () => {
    const missing = await failure('https://example.com/skill.zip', answer('', { status: 404 }));
    expect([missing.code, missing.retryable]).toEqual(['NotFound', false]);
    const silent = await failure('https://example.com/skill.zip', () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    expect([silent.code, silent.retryable]).toEqual(['Unreachable', true]);
    const busy = await failure('https://example.com/skill.zip', answer('', { status: 503 }));
    expect([busy.code, busy.retryable]).toEqual(['HttpError', true]);
  });

  it('names a page that serves something other than a skill', async () => {
    const page = answer('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    expect((await failure('https://example.com/readme.txt', page)).code).toBe('NotASkill');
  });
});
