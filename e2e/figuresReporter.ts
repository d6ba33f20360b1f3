import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// Collects the figures the hostile suite records (e2e/figures.ts) into the marked section of
// docs/security.md. Used only by `npm run security-figures`; other runs just print the figures.
// A run of part of the suite (`npm run security-figures -- e2e/limits.spec.ts`) replaces the rows
// of the tests it ran and keeps the others, each row with the date and load it was measured at.

const DOC = path.resolve(import.meta.dirname, '../docs/security.md');
const START = '<!-- hostile-figures:start -->';
const END = '<!-- hostile-figures:end -->';

interface Row {
  spec: string;
  title: string;
  status: TestResult['status'];
  figures: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export default class FiguresReporter implements Reporter {
  private readonly rows: Row[] = [];
  private loadAtStart = os.loadavg()[0]!;

  onBegin(): void {
    this.loadAtStart = os.loadavg()[0]!;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!test.tags.includes('@hostile')) return;
    const annotations = [...(result.annotations ?? []), ...test.annotations];
    const figures = [
      ...new Set(annotations.filter((a) => a.type === 'figure').map((a) => a.description ?? '')),
    ];
    this.rows.push({
      spec: path.basename(test.location.file),
      title: test.title,
      status: result.status,
      figures,
    });
  }

  onEnd(result: FullResult): void {
    if (this.rows.length === 0) return;
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`docs/security.md lacks ${START} … ${END}.`);
    const load = `${this.loadAtStart.toFixed(0)}–${os.loadavg()[0]!.toFixed(0)}`;
    const measured = `${new Date().toISOString().slice(0, 10)}, load ${load}`;
    const fresh = new Map(
      this.rows.map((row) => [
        `| ${row.spec} | ${cell(row.title)} |`,
        ` ${row.status} | ${cell(row.figures.join('; ') || '—')} | ${measured} |`,
      ]),
    );
    // Rows of tests this run did not run stay as they were measured.
    const kept = doc
      .slice(start, end)
      .split('\n')
      .filter((line) => /^\| \S+\.spec\.ts \|/.test(line))
      .filter((line) => ![...fresh.keys()].some((key) => line.startsWith(key)));
    const rows = [...kept, ...[...fresh].map(([key, rest]) => key + rest)].sort();
    const lines = [
      START,
      `Written by \`npm run security-figures\` (last run: ${result.status}): headless Chromium, ` +
        `the production build, on a shared machine of ${os.cpus().length} cores; "load" is its ` +
        'load average at the start and the end of the run that measured the row. Times are from ' +
        'the action to the answer shown, as the test saw it (polling included); "longest task" ' +
        'is the longest main-thread task in the page meanwhile; "by the runtime" is a run\'s own ' +
        'time as the runtime measured it, without loading.',
      '',
      '| spec | test | result | figures | measured |',
      '|---|---|---|---|---|',
      ...rows,
      END,
    ];
    writeFileSync(DOC, doc.slice(0, start) + lines.join('\n') + doc.slice(end + END.length));
    // eslint-disable-next-line no-console
    console.log(`figures: ${this.rows.length} hostile tests written to docs/security.md`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
