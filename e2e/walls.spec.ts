import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Walls of issue 15 that the other suites leave unchecked: what the page may connect to, a stored
// record that cannot be read, the scope of a tool a skill asks for, and /workspace and
// configuration belonging to one source.

const root = path.resolve(import.meta.dirname, '..');

/** The sources of one directive, as a set: its order says nothing. */
function sourcesOf(policy: string, directive: string): Set<string> {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  if (!found) throw new Error(`The policy has no ${directive}: ${policy}`);
  return new Set(found.slice(1));
}

/** connect-src as docs/security.md documents it, in its table of directives. */
function documentedConnectSrc(): Set<string> {
  const docs = readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  const row = /^\| `connect-src` \| `([^`]+)` \|/m.exec(docs);
  if (!row) throw new Error('docs/security.md documents no connect-src');
  return new Set(row[1]!.split(/\s+/));
}

test('the page may connect only where loading skills needs, as documented; elsewhere is refused', async ({
  page,
}) => {
  const response = await page.goto('/');
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const header = response!.headers()['content-security-policy']!;
  // What loading skills needs: this origin, any https URL, and http on this machine (a local
  // server of skills); nothing wider than docs/security.md says, in the meta and in the header.
  const needed = new Set(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  expect(sourcesOf(meta!, 'connect-src')).toEqual(needed);
  expect(sourcesOf(header, 'connect-src')).toEqual(needed);
  expect(documentedConnectSrc()).toEqual(needed);

  const tried = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const attempt = async (url: string) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'refused';
      }
    };
    const results = {
      // http to another host, and a data: URL: neither is a source of the policy.
      otherHttp: await attempt('http://skills.example.test/skill.zip'),
      data: await attempt('data:text/plain,hello'),
      // This origin is: the built-in examples load from it.
      self: await attempt('/examples/index.json'),
    };
    // Violation events are queued as tasks: let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { results, violations };
  });
  expect(tried.results).toEqual({ otherHttp: 'refused', data: 'refused', self: 'fetched' });
  expect(tried.violations).toEqual(
    expect.arrayContaining([
      'connect-src http://skills.example.test/skill.zip',
      expect.stringMatching(/^connect-src data/),
    ]),
  );
  expect(tried.violations.every((v) => v.startsWith('connect-src'))).toBe(true);
});
