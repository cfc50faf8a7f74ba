// Writes the sample workbook and the fixture corpus. Run: npm run fixtures
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { seed002Workbook, variantWorkbook } from './fixtures';
import { badInputs, MASTER_FILES } from './bad-inputs';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await fs.mkdir(path.join(root, 'samples'), { recursive: true });
  await fs.mkdir(path.join(root, 'test', 'fixtures', 'bad'), { recursive: true });
  await seed002Workbook().xlsx.writeFile(path.join(root, 'samples', 'dong-nai-2018.xlsx'));
  await variantWorkbook().xlsx.writeFile(path.join(root, 'test', 'fixtures', 'variant-two-row-header.xlsx'));
  for (const [name, text] of Object.entries(MASTER_FILES)) await fs.writeFile(path.join(root, 'test', 'fixtures', 'bad', name), text);
  for (const b of badInputs()) {
    const file = path.join(root, 'test', 'fixtures', 'bad', b.file);
    if (b.bytes) await fs.writeFile(file, b.bytes);
    else await b.workbook!().xlsx.writeFile(file);
  }
  process.stdout.write('fixtures written\n');
}

main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
