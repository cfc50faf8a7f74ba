import { FakeExcelHost, PAYLOAD_LIMIT } from '../fake-excel';
import { analyze, generate } from '../../src/app/usecases';
import { WriteFailure } from '../../src/port/workbook';
import { seed002Workbook } from '../../scripts/fixtures';
import { fakeHostFrom, officePort } from '../helpers';

type Ctx = Parameters<Parameters<FakeExcelHost['run']>[0]>[0];

describe('the fake Excel host catches the mistakes it exists for', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const host = new FakeExcelHost();
    host.addSheet('A', [['x']]);
    await expect(
      host.run(async (ctx: Ctx) => {
        const r = ctx.workbook.worksheets.getItem('A').getRange('A1');
        r.load('values');
        return r.values; // no sync yet
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    const ok = await host.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values;
    });
    expect(ok).toEqual([['x']]);
  });

  test('a request over 5 MB throws RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const host = new FakeExcelHost();
    host.addSheet('A');
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    await expect(
      host.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('A1:A6000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.grid('A')).toEqual([]);
    expect(JSON.stringify(big).length).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  test('bad sheet names throw like Excel', async () => {
    const host = new FakeExcelHost();
    host.addSheet('Sở Y tế');
    for (const [name, code] of [
      ['a'.repeat(32), 'InvalidArgument'],
      ['Sở [Y]', 'InvalidArgument'],
      ["'Sở", 'InvalidArgument'],
      ['History', 'InvalidArgument'],
      ['SỞ Y TẾ', 'ItemAlreadyExists'],
    ]) {
      await expect(
        host.run(async (ctx: Ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
    expect(host.sheets.map((s) => s.name)).toEqual(['Sở Y tế']);
  });

  test('getItemOrNullObject reports isNullObject after a sync; getItem of a missing sheet fails at sync', async () => {
    const host = new FakeExcelHost();
    host.addSheet('A');
    const isNull = await host.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('B');
      ws.load('name');
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
    await expect(
      host.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('B').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('syncs and bytes are counted; the latency model gives simulated time', async () => {
    const host = new FakeExcelHost({ perSyncMs: 100, bytesPerMs: 10_000 });
    host.addSheet('A');
    await host.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1:B1').values = [['a', 'b']];
      await ctx.sync();
      await ctx.sync();
    });
    expect(host.syncs).toBe(2);
    expect(host.requestBytes).toBeGreaterThan(20);
    expect(host.simulatedMs).toBeGreaterThanOrEqual(200);
  });
});

describe('failure halfway', () => {
  test('sheets changed by the user between read and write: the write fails safely and says so', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const port = officePort(host);
    const a = await analyze(port);
    host.addSheet('Sở Ngoại vụ', [['sheet của người dùng, tạo sau khi đọc']]); // made by the user meanwhile
    const before = host.sheets.map((s) => s.name);
    const err = await generate(port, a).catch((e) => e);
    expect(err).toBeInstanceOf(WriteFailure);
    expect((err as WriteFailure).leftBehind).toEqual([]);
    // no temporary sheet left, the user's sheet untouched; sheets already moved into place are registered
    expect(host.sheets.some((s) => s.name.startsWith('~pc'))).toBe(false);
    expect(host.grid('Sở Ngoại vụ')).toEqual([['sheet của người dùng, tạo sau khi đọc']]);
    for (const n of before) expect(host.sheets.map((s) => s.name)).toContain(n);
    const again = await generate(port, await analyze(port)); // re-read, then it works and picks another name
    expect(again.sheetsWritten).toContain('Sở Ngoại vụ (2)');
    expect(again.sheetsWritten).toContain('Tổng hợp'); // the partial sheets are ours and replaced, not duplicated
    expect(host.sheets.some((s) => /\(2\)$/.test(s.name) && s.name !== 'Sở Ngoại vụ (2)')).toBe(false);
    expect(host.grid('Sở Ngoại vụ')).toEqual([['sheet của người dùng, tạo sau khi đọc']]);
  });

  test('an Excel error mid-write leaves no half-written sheet and the user’s sheets as they were', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const port = officePort(host);
    const a = await analyze(port);
    const before = host.sheets.map((s) => s.name);
    const source = host.grid('Phụ lục');
    host.failOnSync = 1; // the first write batch fails
    const err = await generate(port, a).catch((e) => e);
    expect(err).toBeInstanceOf(WriteFailure);
    expect((err as WriteFailure).leftBehind).toEqual([]);
    expect(host.sheets.map((s) => s.name)).toEqual(before);
    expect(host.grid('Phụ lục')).toEqual(source);
  });

  test('if even the clean-up fails, the message names the sheets to delete', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const runs: number[] = [];
    const run = host.run;
    // fail the last batch and then the clean-up's first round trip
    let call = 0;
    host.run = (async (batch: never) => {
      call++;
      runs.push(call);
      if (call === 2) host.failOnSync = 2; // the final batch of the write
      if (call === 3) host.failOnSync = 1;
      return run(batch);
    }) as typeof host.run;
    const port = officePort(host);
    const a = await analyze(port);
    const err = (await generate(port, a).catch((e) => e)) as WriteFailure;
    expect(err).toBeInstanceOf(WriteFailure);
    expect(err.leftBehind.length).toBeGreaterThan(0);
    expect(err.leftBehind.every((n) => n.startsWith('~pc'))).toBe(true);
    expect(err.leftBehind.every((n) => host.sheets.some((s) => s.name === n))).toBe(true);
  });
});
