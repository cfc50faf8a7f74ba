// The Office.js traps the OfficeDev trackers document, modelled in the fake host (issue 19): each test
// shows the careless path failing on the fake, and the adapter passing.
import { analyze, generate } from '../../src/app/usecases';
import { OfficeWorkbook } from '../../src/adapters/office';
import { FakeExcelHost, MAX_OPS_PER_SYNC, MAX_ROWS_PER_WRITE } from '../fake-excel';
import { appendixForBench, masterForBench } from '../../bench/fixture';
import { seed002Workbook } from '../../scripts/fixtures';
import { fakeHostFrom } from '../helpers';

const port = (host: FakeExcelHost, timeoutMs?: number) => new OfficeWorkbook(host.run as never, host.isSetSupported, timeoutMs);

function bigHost(tasks: number): FakeExcelHost {
  const host = new FakeExcelHost();
  host.addSheet('Phụ lục', appendixForBench(masterForBench(80), tasks));
  return host;
}

describe('Excel as it really behaves', () => {
  test(`a range write of more than ${MAX_ROWS_PER_WRITE} rows fails; the adapter writes 2,000 tasks in row chunks`, async () => {
    const careless = bigHost(10);
    await expect(
      careless.run(async (context) => {
        context.workbook.worksheets.getItem('Phụ lục').getRange(`A1:B${MAX_ROWS_PER_WRITE + 1}`).values = Array.from({ length: MAX_ROWS_PER_WRITE + 1 }, () => ['a', 'b']);
        await context.sync();
      }),
    ).rejects.toThrow(/internal error/);
    const host = bigHost(2000);
    const p = port(host);
    const r = await generate(p, await analyze(p));
    expect(r.written).toBe(true);
    expect(host.sheet('Danh sách nhiệm vụ')!.cells.size).toBeGreaterThan(2000 * 5);
  });

  test(`more than ${MAX_OPS_PER_SYNC} operations in one sync fail; the adapter's syncs stay far below`, async () => {
    const careless = bigHost(10);
    await expect(
      careless.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Phụ lục');
        for (let i = 1; i <= MAX_OPS_PER_SYNC + 1; i++) ws.getRange(`A${i}`).values = [['x']];
        await context.sync();
      }),
    ).rejects.toThrow(/operations in one sync/);
    const host = bigHost(2000);
    const p = port(host);
    await expect(generate(p, await analyze(p))).resolves.toMatchObject({ written: true });
  });

  test('a validation rule over an earlier one raises InvalidArgument; cleared first it is accepted (the adapter clears)', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const set = (clear: boolean) =>
      host.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Phụ lục').getRange('I5:I9');
        if (clear) r.dataValidation.clear();
        r.dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
        await context.sync();
      });
    await set(false);
    await expect(set(false)).rejects.toThrow(/InvalidArgument|invalid/);
    await expect(set(true)).resolves.toBeUndefined();
    // regeneration writes the status drop-downs again: accepted
    const p = port(host);
    await generate(p, await analyze(p));
    await expect(generate(p, await analyze(p))).resolves.toMatchObject({ written: true });
  });

  test('the first sync can hang: the read gives up, tries once more, then says what to do', async () => {
    const once = fakeHostFrom(seed002Workbook());
    once.hangSyncs = 1;
    await expect(analyze(port(once, 50))).resolves.toMatchObject({ tasks: expect.any(Array) });
    const twice = fakeHostFrom(seed002Workbook());
    twice.hangSyncs = 2;
    await expect(analyze(port(twice, 50))).rejects.toThrow(/Excel không trả lời khi đọc sổ làm việc.*thử lại một lần.*mở lại ngăn Phân công/);
  });

  test('a sheet whose used range passes 5 million cells reads as null; the adapter reads the table anyway', async () => {
    const host = fakeHostFrom(seed002Workbook());
    host.sheet('Phụ lục')!.cells.set('1048576:26', { value: 'lạc', style: {} }); // a stray cell at Z1048576
    const careless = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Phụ lục').getUsedRange();
      used.load('text');
      await context.sync();
      return used.text;
    });
    expect(careless).toBeNull();
    const a = await analyze(port(host));
    expect(a.tasks).toHaveLength(25);
  });

  test('calculation is suspended across every write batch: no recalculation counted', async () => {
    const host = bigHost(2000);
    const careless = bigHost(10);
    await careless.run(async (context) => {
      context.workbook.worksheets.getItem('Phụ lục').getRange('Z1').values = [['x']];
      await context.sync();
    });
    expect(careless.recalculations).toBe(1);
    const p = port(host);
    const a = await analyze(p);
    host.resetCounters();
    await generate(p, a);
    expect(host.recalculations).toBe(0);
  });

  test('fit-to-width ignored by the host: the officer is told what to do', async () => {
    const host = fakeHostFrom(seed002Workbook());
    host.ignoreZoom = true;
    const p = port(host);
    const r = await generate(p, await analyze(p));
    expect(r.write.notes?.[0]).toMatch(/Excel chưa áp dụng "vừa một trang ngang".*Bố trí trang/);
    expect(r.write.noteTexts?.[0]?.id).toBe('note.fitToWidth');
    const fine = fakeHostFrom(seed002Workbook());
    const q = port(fine);
    expect((await generate(q, await analyze(q))).write.notes).toEqual([]);
  });

  test('formats set on cells that already hold values make Excel lay them out again; the adapter formats whole ranges first', async () => {
    const careless = bigHost(10);
    await careless.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Phụ lục').getRange('A1:E20');
      r.format.wrapText = true; // the table's cells hold values: laid out again
      await context.sync();
    });
    expect(careless.reformattedCells).toBeGreaterThan(20);
    const host = bigHost(2000);
    const p = port(host);
    const a = await analyze(p);
    host.resetCounters();
    await generate(p, a);
    expect(host.reformattedCells).toBe(0);
  });
});
