import { analyze } from '../../src/app/usecases';
import { seed002Workbook } from '../../scripts/fixtures';
import { fakeHostFrom, officePort } from '../helpers';

test('clicking a finding selects its cell in Excel (Office adapter on the fake host)', async () => {
  const host = fakeHostFrom(seed002Workbook());
  const port = officePort(host);
  const a = await analyze(port);
  const finding = a.issues.find((i) => i.rule === 'subtasks.misaligned')!;
  host.resetCounters();
  const i = finding.cell.lastIndexOf('!');
  await port.select(finding.cell.slice(0, i), finding.cell.slice(i + 1));
  expect(host.selection).toBe('Phụ lục!D7');
  expect(host.active).toBe('Phụ lục');
  expect(host.syncs).toBe(1);
});
