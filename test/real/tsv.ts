// Reading the real-text fixtures of test/fixtures/real (copied from published plans, with sources).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** test/fixtures/real of the repository, from the sources (jest) or their build (the bench). */
function realDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'real');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('test/fixtures/real not found');
}

export const REAL_DIR = realDir();

/** Rows of a TSV with a header line; lines starting with "#" are comments. "\n" in a cell is a line break. */
export function readTsv(file: string): Record<string, string>[] {
  const lines = fs
    .readFileSync(path.join(REAL_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').replace(/\\n/g, '\n')]));
  });
}

/** right / no answer / confidently wrong, as the README and the issues report them. */
export interface Score {
  total: number;
  right: number;
  none: number;
  wrong: number;
}

export function share(n: number, total: number): string {
  return `${((100 * n) / total).toFixed(1)} %`;
}

export function formatScore(label: string, s: Score): string {
  return `${label}: ${s.right}/${s.total} right (${share(s.right, s.total)}), ${s.none} no answer, ${s.wrong} confidently wrong`;
}
