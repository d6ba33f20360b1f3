// Shared by playwright.config.ts and bench/run.mjs: each starts its own server on a port that no
// other program holds, so neither ever measures or tests some other app left running on a fixed one.
import { execFileSync } from 'node:child_process';

// Listening on port 0 lets the OS pick a free port; a child process makes it synchronous, which a
// config file needs.
const PICK = `const s = require('node:net').createServer();
s.listen(0, () => { process.stdout.write(String(s.address().port)); s.close(); });`;

/** A TCP port free on every interface at the time of the call. */
export function freePortSync() {
  const port = Number(execFileSync(process.execPath, ['-e', PICK], { encoding: 'utf8' }));
  if (!Number.isInteger(port) || port <= 0) throw new Error('No free port could be found.');
  return port;
}
