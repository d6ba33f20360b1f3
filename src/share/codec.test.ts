import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, isShareFragment } from './codec';
import { LINK_LIMITS, type ShareLink } from './linkFormat';

const fragmentOf = (data: unknown, version = 1) =>
  `v=${version}&s=${deflateRawSync(Buffer.from(JSON.stringify(data))).toString('base64url')}`;

const refusal = async (hash: string) => {
  try {
    await decodeShareLink(hash);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('The link was opened.');
};

const example: ShareLink = { skill: { from: 'example', id: 'data-tools' } };

describe('making and opening a link', () => {
  it('gives back every kind of state it was made with', async () => {
    const links: ShareLink[] = [
      { ...example, tool: 'scale', args: { value: '4', nested: { list: ['1', true, null] } } },
      {
        skill: {
          from: 'url',
          url: 'https://host.test/kit.zip',
          root: 'kit',
          sha256: '0123456789abcdef'.repeat(4),
        },
        config: [{ key: 'UNITS', value: 'metric' }],
        limits: { timeoutMs: 2000, maxOutputBytes: 4096, maxMemoryBytes: 65536 },
        view: { file: 'docs/usage.md' },
      },
      {
        skill: {
          from: 'inline',
          root: 'note-taker',
          files: { 'SKILL.md': '---\nname: note-taker\n---\nWrite $ARGUMENTS.', 'ref/a.md': 'ünï' },
        },
        args: { arguments: '<script>alert(1)</script>' },
      },
    ];
    for (const link of links) {
      const fragment = await encodeShareLink(link);
      expect(fragment).toMatch(/^v=1&s=[A-Za-z0-9_-]+$/);
      await expect(decodeShareLink(`#${fragment}`)).resolves.toEqual(link);
    }
  });

  it('tells a share fragment from the other fragments the app uses', () => {
    expect(isShareFragment('#v=1&s=abc')).toBe(true);
    expect(isShareFragment('#v=garbage')).toBe(true);
    expect(isShareFragment('#skill=example%3Adata-tools')).toBe(false);
    expect(isShareFragment('')).toBe(false);
  });
});

describe('refusing a link', () => {
  it('refuses one longer than the cap before reading any of it', async () => {
    const long = `#v=1&s=${'A'.repeat(LINK_LIMITS.maxChars)}`;
    const error = await refusal(long);
    expect(error.code).toBe('TooLong');
    expect(error.message).toContain('characters long');
  });

  it('refuses fragments that are not share links', async () => {
    for (const hash of ['#v=1', '#v=one&s=abc', '#v=1&s=ab+c', '#v=1&s=abc&grant=all', '#s=abc']) {
      expect((await refusal(hash)).code).toBe('Malformed');
    }
  });

  it('refuses a link cut short, and one whose data is empty', async () => {
    const whole = fragmentOf({ ...example, args: { text: 'x'.repeat(400) } });
    expect((await refusal(whole.slice(0, whole.length - 10))).code).toBe('Damaged');
    expect((await refusal('v=1&s=')).code).toBe('Damaged');
    expect((await refusal('v=1&s=A')).code).toBe('Damaged');
  });

  it('refuses a decompression bomb at the cap', async () => {
    // 16 MiB of spaces (deflate shrinks a run about a thousand times) fit under the length cap.
    const bomb = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20)).toString('base64url');
    expect(bomb.length).toBeLessThan(LINK_LIMITS.maxChars);
    const error = await refusal(`v=1&s=${bomb}`);
    expect(error.code).toBe('TooLarge');
    expect(error.message).toContain('decompression bomb');
  });

  it('refuses data that is not JSON', async () => {
    const error = await refusal(
      `v=1&s=${deflateRawSync(Buffer.from('{nope')).toString('base64url')}`,
    );
    expect(error.code).toBe('Damaged');
  });

  it('refuses a link that tries to carry a secret, a grant or a permission', async () => {
    const secret = await refusal(
      fragmentOf({ ...example, config: [{ key: 'TOKEN', value: 't', secret: true }] }),
    );
    expect(secret.message).toContain('never carries');
    for (const field of ['grants', 'permissions', 'secrets']) {
      const error = await refusal(fragmentOf({ ...example, [field]: { read: true } }));
      expect(error.code).toBe('Invalid');
      expect(error.message).toContain(`"${field}"`);
    }
  });

  it('refuses files that climb out of the skill and sources that are not http', async () => {
    const inline = (files: Record<string, string>) => ({
      skill: { from: 'inline', root: 'x', files },
    });
    expect((await refusal(fragmentOf(inline({ '../evil.md': 'x' })))).message).toContain('unsafe');
    expect((await refusal(fragmentOf(inline({ '/etc/passwd': 'x' })))).message).toContain('unsafe');
    expect((await refusal(fragmentOf(inline({ 'a//b.md': 'x' })))).message).toContain('plain');
    const url = (value: string) => ({
      skill: { from: 'url', url: value, root: 'x', sha256: 'a'.repeat(64) },
    });
    expect((await refusal(fragmentOf(url('javascript:alert(1)')))).message).toContain(
      'not http or https',
    );
    expect(
      (
        await refusal(
          fragmentOf({ skill: { from: 'url', url: 'https://h.test/', root: 'x', sha256: 'xyz' } }),
        )
      ).message,
    ).toContain('hexadecimal');
  });

  it('refuses arguments nested past the limit and values of other types', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < LINK_LIMITS.maxArgDepth + 2; i++) deep = [deep];
    expect((await refusal(fragmentOf({ ...example, args: { deep } }))).message).toContain(
      'nests deeper',
    );
    expect((await refusal(fragmentOf({ ...example, args: { n: 4 } }))).message).toContain(
      'neither text',
    );
    expect(
      (await refusal(fragmentOf({ ...example, limits: { timeoutMs: -1 } }))).message,
    ).toContain('positive whole number');
  });
});
