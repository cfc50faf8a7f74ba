import ExcelJS from 'exceljs';
import { analyze, generationNotes, generate } from '../../src/app/usecases';
import { makeSheetNames, sanitizeSheetName, OVERDUE_COLUMNS, OVERDUE_SHEET, REPORT_SHEET, STATUSES, TASK_LIST_SHEET } from '../../src/core/generate';
import { SheetPlanSchema, TaskSchema, IssueSchema } from '../../src/core/schemas';
import { addSheet, seed002Workbook } from '../../scripts/fixtures';
import { snapshotCells, xlsxGrid, xlsxPort, type TestPort } from '../helpers';

async function generated(): Promise<{ port: TestPort; names: string[] }> {
  const port = await xlsxPort(seed002Workbook());
  const r = await generate(port, await analyze(port));
  return { port, names: r.sheetsWritten };
}

/** Rows of an agency sheet's part A or B: [id, task, other agencies]. */
function part(port: TestPort, sheet: string, label: 'A' | 'B'): string[][] {
  const g = xlsxGrid(port.wb.getWorksheet(sheet)!);
  const start = g.findIndex((r) => r[0].startsWith(`${label}.`));
  const out: string[][] = [];
  for (let i = start + 1; i < g.length && !/^[AB]\./.test(g[i][0]); i++) if (g[i][0]) out.push([g[i][0], g[i][2]]);
  return out;
}

describe('per-agency sheets for the seed-002 table', () => {
  test('plans, tasks and findings are valid against their zod schemas', async () => {
    const port = await xlsxPort(seed002Workbook());
    const a = await analyze(port);
    const r = await generate(port, a);
    for (const sp of r.generation.sheets) expect(SheetPlanSchema.safeParse(sp).success).toBe(true);
    for (const t of a.tasks) expect(TaskSchema.safeParse(t).success).toBe(true);
    for (const i of a.issues) expect(IssueSchema.safeParse(i).success).toBe(true);
  });

  test('one sheet per agency that leads or supports, named from the master list', async () => {
    const { names } = await generated();
    expect(names).toEqual([
      REPORT_SHEET,
      'Biểu đồ',
      'Quá hạn',
      TASK_LIST_SHEET,
      'Sở Công Thương',
      'Sở VHTTDL',
      'Sở Ngoại vụ',
      'Sở KH&ĐT',
      'Sở TT&TT',
      'BQL các KCN',
      'Cổng TTĐT tỉnh',
      'Công an tỉnh',
      'Ban TG Tỉnh ủy',
      'Đài PT-TH',
    ]);
  });

  test('who leads what, who supports what', async () => {
    const { port } = await generated();
    expect(part(port, 'Sở TT&TT', 'A').map((r) => r[0])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6']);
    expect(part(port, 'Sở TT&TT', 'B').slice(0, 5)).toEqual([['2.1', 'Chủ trì: Sở Ngoại vụ'], ['2.2', 'Chủ trì: Sở Ngoại vụ'], ['2.3', 'Chủ trì: Sở Ngoại vụ'], ['2.4', 'Chủ trì: Sở Ngoại vụ'], ['2.5', 'Chủ trì: Sở Ngoại vụ']]);
    expect(part(port, 'Sở TT&TT', 'B').slice(5).map((r) => r[0])).toEqual(['7.1', '7.2', '7.3']);
    expect(part(port, 'Sở Ngoại vụ', 'A').map((r) => r[0])).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5']);
    // 1.2 and 7.x come through "Các sở, ban, ngành" (expanded to the departments the plan names)
    expect(part(port, 'Sở Ngoại vụ', 'B').map((r) => r[0])).toEqual(['1.2', '1.3', '4.1', '4.2', '4.3', '7.1', '7.2', '7.3']);
    expect(part(port, 'Đài PT-TH', 'B').map((r) => r[0])).toEqual(['1.4', '1.5', '1.6']);
    expect(part(port, 'Công an tỉnh', 'A').map((r) => r[0])).toEqual(['6']);
    expect(part(port, 'Công an tỉnh', 'B').map((r) => r[0])).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5']);
    // "Các sở, ban, ngành" reaches the departments named in the plan, marked as such
    const vh = part(port, 'Sở VHTTDL', 'B');
    expect(vh.find((r) => r[0] === '1.2')![1]).toBe('Chủ trì: Sở Thông tin và Truyền thông (phối hợp vì thuộc các sở, ban, ngành)');
    expect(vh.find((r) => r[0] === '1.3')![1]).toBe('Chủ trì: Sở Thông tin và Truyền thông');
  });

  test('title block, columns, print setup, status drop-down', async () => {
    const { port } = await generated();
    const ws = port.wb.getWorksheet('Sở Ngoại vụ')!;
    expect(ws.getCell('A1').value).toBe('NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2018 — SỞ NGOẠI VỤ');
    expect(ws.getCell('A2').value).toBe('(Kèm theo Kế hoạch số 12773/KH-UBND ngày 08/12/2017 của Ủy ban nhân dân tỉnh Đồng Nai)');
    expect(xlsxGrid(ws)[3]).toEqual(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì / phối hợp', 'Thời gian', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Tình trạng', 'Kết quả thực hiện', 'Ghi chú', 'Hạn', 'Ngày hoàn thành', 'Đánh giá']);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('B6').font).toMatchObject({ name: 'Times New Roman' });
    expect(ws.getCell('B6').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('I6').value).toBe('Chưa thực hiện');
  });

  test('report numbers match the tasks, outcome counts are live formulas', async () => {
    const { port } = await generated();
    const g = xlsxGrid(port.wb.getWorksheet(REPORT_SHEET)!);
    const row = g.find((r) => r[1] === 'Sở Ngoại vụ')!;
    // led 5 (2.1–2.5), supported 8 (1.2, 1.3, 4.1–4.3, 7.1–7.3)
    // Q1: 2.2–2.4, 4.x, 7.x = 9; Q2: 2.1–2.4, 1.3, 4.x, 7.x = 11; Q3: 2.1–2.5, 1.2, 1.3, 4.x, 7.x = 13; Q4: 2.2–2.4, 4.x, 7.x = 9
    expect(row.slice(2, 9)).toEqual(['Sở Ngoại vụ', '5', '8', '9', '11', '13', '9']);
    expect(row[10]).toBe(`=COUNTIF('Sở Ngoại vụ'!$N$5:$N$19,"Hoàn thành đúng hạn")`);
    expect(row[13]).toBe(`=COUNTIF('Sở Ngoại vụ'!$N$5:$N$19,"Chưa hoàn thành, quá hạn")`);
    // the full task list is a sheet of its own, so its header repeats on every printed page (issue 21)
    const list = xlsxGrid(port.wb.getWorksheet(TASK_LIST_SHEET)!);
    expect(list[3][0]).toBe('Mã');
    expect(list.slice(4).map((r) => r[0])).toHaveLength(25);
    const ws = port.wb.getWorksheet(REPORT_SHEET)!;
    // cached counts agree with the agency sheet's Đánh giá cells (the 2018 plan is past due in 2026)
    const sheet = port.wb.getWorksheet('Sở Ngoại vụ')!;
    let late = 0;
    sheet.eachRow((r) => {
      if ((r.getCell(14).value as { result?: string } | null)?.result === 'Chưa hoàn thành, quá hạn') late++;
    });
    expect(late).toBeGreaterThan(0);
    expect((ws.getCell(`N${g.indexOf(row) + 1}`).value as { result: number }).result).toBe(late);
    expect((ws.getCell(`O${g.indexOf(row) + 1}`).value as { result: string }).result).toBe('0%');
  });

  test('the overdue list holds every task an agency leads that is open past its deadline, most overdue first, live from its sheet', async () => {
    const port = await xlsxPort(seed002Workbook());
    const r = await generate(port, await analyze(port), { today: '2018-10-15' });
    // what the agency sheets say: lead rows whose Đánh giá is "Chưa hoàn thành, quá hạn"
    const expected: { sheet: string; row: number; id: string; due: number }[] = [];
    for (const name of r.generation.sheets.filter((x) => x.kind === 'agency').map((x) => x.name)) {
      const ws = port.wb.getWorksheet(name)!;
      let leads = false;
      ws.eachRow((row, n) => {
        const a = String(row.getCell(1).value ?? '');
        if (/^[AB]\. /.test(a)) leads = a.startsWith('A.');
        const o = row.getCell(14).value as { result?: string } | null;
        if (leads && o?.result === 'Chưa hoàn thành, quá hạn') expected.push({ sheet: name, row: n, id: a, due: Number((row.getCell(12).value as Date).getTime()) });
      });
    }
    expect(expected.length).toBeGreaterThan(0);
    const ws = port.wb.getWorksheet(OVERDUE_SHEET)!;
    const g = xlsxGrid(ws);
    expect(g[3]).toEqual(OVERDUE_COLUMNS);
    expect(g[1][0]).toMatch(new RegExp(`^${expected.length} nhiệm vụ chủ trì quá hạn tính đến ngày 15/10/2018`));
    const listed = g.slice(4).map((row, i) => ({ sheet: row[7], id: row[2], formula: (ws.getCell(`G${i + 5}`).value as { formula: string }).formula, due: (ws.getCell(`E${i + 5}`).value as Date).getTime() }));
    expect(listed.map((x) => `${x.sheet}/${x.id}`).sort()).toEqual(expected.map((x) => `${x.sheet}/${x.id}`).sort());
    // most overdue first; each outcome is the agency sheet's own cell
    expect(listed.map((x) => x.due)).toEqual(listed.map((x) => x.due).sort((p, q) => p - q));
    for (const x of listed) {
      const e = expected.find((y) => y.sheet === x.sheet && y.id === x.id)!;
      expect(x.formula).toBe(`'${e.sheet}'!$N$${e.row}`);
    }
    expect((ws.getCell('F5').value as { formula: string }).formula).toMatch(/^IF\('[^']+'!\$N\$\d+="Chưa hoàn thành, quá hạn",TODAY\(\)-'[^']+'!\$L\$\d+,""\)$/);
    // the report's third row points to the list: how many, and a link
    const a3 = port.wb.getWorksheet(REPORT_SHEET)!.getCell('A3').value as { formula: string; result: string };
    expect(a3.formula).toBe(`HYPERLINK("#'Quá hạn'!A1","${a3.result}")`);
    expect(a3.result).toBe(`${expected.length} nhiệm vụ chủ trì quá hạn, chưa hoàn thành tính đến ngày 15/10/2018: bấm để xem trang tính ‘Quá hạn’; biểu đồ ở trang tính ‘Biểu đồ’.`);
    // nothing overdue: one muted line, not an empty table
    const early = await xlsxPort(seed002Workbook());
    await generate(early, await analyze(early), { today: '2017-12-01' });
    expect(xlsxGrid(early.wb.getWorksheet(OVERDUE_SHEET)!)[4][1]).toBe('(Không có nhiệm vụ quá hạn)');
  });

  test('the source sheet is unchanged but for the quarter columns', async () => {
    const before = snapshotCells(seed002Workbook())['Phụ lục'];
    const { port } = await generated();
    const after = xlsxGrid(port.wb.getWorksheet('Phụ lục')!);
    for (let r = 0; r < Math.max(before.length, after.length); r++)
      for (let c = 0; c < 5; c++) expect([r, c, after[r]?.[c] ?? '']).toEqual([r, c, before[r]?.[c] ?? '']);
    expect(after[4].slice(5, 9)).toEqual(['Quý I', 'Quý II', 'Quý III', 'Quý IV']);
    expect(after[5].slice(5, 9)).toEqual(['x', 'x', 'x', 'x']);
    expect(after[6].slice(5, 9)).toEqual(['x', 'x', 'x', 'x']);
  });
});

describe('safe re-run', () => {
  test('regeneration keeps statuses typed by agencies; twice gives an identical workbook', async () => {
    const { port } = await generated();
    const ws = port.wb.getWorksheet('Công an tỉnh')!;
    const g = xlsxGrid(ws);
    const r6 = g.findIndex((r) => r[0] === '6') + 1;
    ws.getCell(`I${r6}`).value = 'Hoàn thành';
    ws.getCell(`J${r6}`).value = 'Đã báo cáo UBND tỉnh ngày 10/11';
    const p2 = await xlsxPort(port.wb);
    await generate(p2, await analyze(p2));
    const ws2 = p2.wb.getWorksheet('Công an tỉnh')!;
    const g2 = xlsxGrid(ws2);
    const row = g2.find((r) => r[0] === '6')!;
    expect(row.slice(8, 10)).toEqual(['Hoàn thành', 'Đã báo cáo UBND tỉnh ngày 10/11']);
    const first = snapshotCells(p2.wb);
    const p3 = await xlsxPort(p2.wb);
    await generate(p3, await analyze(p3));
    expect(snapshotCells(p3.wb)).toEqual(first);
  });

  test('a task removed from the table: what was typed for it is archived, named, never dropped', async () => {
    const { port } = await generated();
    const ws = port.wb.getWorksheet('Công an tỉnh')!;
    const r6 = xlsxGrid(ws).findIndex((r) => r[0] === '6') + 1;
    ws.getCell(`I${r6}`).value = 'Hoàn thành';
    port.wb.getWorksheet('Phụ lục')!.spliceRows(11, 1); // the Công an tỉnh row
    const p2 = await xlsxPort(port.wb);
    const r = await generate(p2, await analyze(p2), { today: '2026-12-01' });
    expect(r.generation.removed['Công an tỉnh'].map((x) => [x.id, x.values[0]])).toEqual([['6', 'Hoàn thành']]);
    expect(r.sheetsWritten).toContain('Công an tỉnh'); // still supports 2.x
    const archive = p2.wb.getWorksheet('Công an tỉnh (cũ 01-12-2026)')!;
    expect(xlsxGrid(archive)[4].slice(0, 4)).toEqual(['6', expect.stringContaining(''), 'Chủ trì', 'Hoàn thành']);
    expect(generationNotes(r).join('\n')).toMatch(/Nhiệm vụ 6 ".+" không còn trong bảng; nội dung Công an tỉnh đã nhập được lưu ở trang tính "Công an tỉnh \(cũ 01-12-2026\)"/);
    expect(generationNotes(r, 'en').join('\n')).toMatch(/Tasks 6 ".+" are no longer in the table; what Công an tỉnh typed is kept in the sheet "Công an tỉnh \(cũ 01-12-2026\)"/);
    // the archive stays through the next run and is not counted by the report
    const p3 = await xlsxPort(p2.wb);
    await generate(p3, await analyze(p3), { today: '2026-12-02' });
    expect(p3.wb.getWorksheet('Công an tỉnh (cũ 01-12-2026)')).toBeDefined();
    expect(xlsxGrid(p3.wb.getWorksheet(REPORT_SHEET)!).some((row) => row.includes('Công an tỉnh (cũ 01-12-2026)'))).toBe(false);
  });
});

/** A small plan whose rows we edit between runs. */
function planBook(rows: string[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Phụ lục', [['KẾ HOẠCH NĂM 2026'], [], ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'], ...rows]);
  return wb;
}
const ROWS = [
  ['1', 'Tổ chức hội nghị giao ban báo chí', 'Sở Tư pháp', 'Sở Y tế', 'Quý I'],
  ['2', '- Biên soạn tài liệu tuyên truyền\n- Phát hành tài liệu\n- Tổng kết việc phát hành', 'Sở Y tế', '- Sở Tư pháp\n- Sở Nội vụ\n- Sở Tư pháp', '- Quý II\n- Quý III\n- Quý IV'],
  ['3', 'Cập nhật cổng thông tin', 'Sở Y tế', 'Sở Nội vụ', 'Quý IV'],
  ['4', 'Tập huấn kỹ năng phát ngôn', 'Sở Y tế', 'Sở Tư pháp', 'Quý III'],
].map((r) => r.map((c) => c.replace(/\\n/g, '\n')));

/** Type a status and a result on the Sở Y tế sheet for the task with this title. */
function typeFor(wb: ExcelJS.Workbook, sheet: string, title: string, status: string, result: string): void {
  const ws = wb.getWorksheet(sheet)!;
  const r = xlsxGrid(ws).findIndex((row) => row[1] === title) + 1;
  ws.getCell(`I${r}`).value = status;
  ws.getCell(`J${r}`).value = result;
}
function typedOn(wb: ExcelJS.Workbook, sheet: string): string[][] {
  return xlsxGrid(wb.getWorksheet(sheet)!).filter((r, i) => i > 3 && r[9]).map((r) => [r[0], r[1], r[8], r[9]]);
}
async function regenerate(wb: ExcelJS.Workbook, edit: (rows: string[][]) => string[][]): Promise<{ wb: ExcelJS.Workbook; r: Awaited<ReturnType<typeof generate>> }> {
  const first = await xlsxPort(wb);
  await generate(first, await analyze(first));
  typeFor(first.wb, 'Sở Y tế', 'Cập nhật cổng thông tin', 'Hoàn thành', 'Đã cập nhật 12 tin');
  typeFor(first.wb, 'Sở Y tế', 'Tập huấn kỹ năng phát ngôn', 'Đang thực hiện', 'Đã mời giảng viên');
  typeFor(first.wb, 'Sở Y tế', 'Phát hành tài liệu', 'Hoàn thành', 'Phát hành 500 cuốn');
  const table = first.wb.getWorksheet('Phụ lục')!;
  const rows = edit(ROWS.map((r) => r.slice()));
  table.spliceRows(4, table.rowCount);
  rows.forEach((r, i) => table.getRow(4 + i).values = r);
  const again = await xlsxPort(first.wb);
  const r = await generate(again, await analyze(again), { today: '2026-12-01' });
  return { wb: again.wb, r };
}

describe('what agencies typed follows its task when the table changes (issue 15)', () => {
  const kept = [
    ['Cập nhật cổng thông tin', 'Hoàn thành', 'Đã cập nhật 12 tin'],
    ['Tập huấn kỹ năng phát ngôn', 'Đang thực hiện', 'Đã mời giảng viên'],
    ['Phát hành tài liệu', 'Hoàn thành', 'Phát hành 500 cuốn'],
  ];
  const byTitle = (rows: string[][]) => rows.map((r) => [r[1], r[2], r[3]]).sort();
  test.each([
    ['a row deleted above', (rows: string[][]) => rows.filter((r) => r[0] !== '1').map((r, i) => [String(i + 1), ...r.slice(1)])],
    ['a row inserted above', (rows: string[][]) => [['1', 'Hội thảo mới', 'Sở Y tế', 'Sở Tư pháp', 'Quý I'], ...rows.map((r) => [String(Number(r[0]) + 1), ...r.slice(1)])]],
    ['rows reordered', (rows: string[][]) => [rows[3], rows[2], rows[1], rows[0]].map((r, i) => [String(i + 1), ...r.slice(1)])],
  ])('%s: statuses stay on their tasks, the moves are named', async (_what, edit) => {
    const { wb, r } = await regenerate(planBook(ROWS), edit);
    expect(byTitle(typedOn(wb, 'Sở Y tế'))).toEqual(kept.slice().sort());
    expect(r.generation.removed).toEqual({});
    for (const m of r.generation.moved['Sở Y tế'] ?? []) expect(generationNotes(r).join('\n')).toContain(`"${m.title}" theo nhiệm vụ sang số ${m.to} (trước là ${m.from})`);
  });
  test('a sub-task deleted: the others keep theirs, the deleted one is archived with its title', async () => {
    const { wb, r } = await regenerate(planBook(ROWS), (rows) => {
      rows[1] = ['2', '- Biên soạn tài liệu tuyên truyền\n- Tổng kết việc phát hành', 'Sở Y tế', '- Sở Tư pháp\n- Sở Tư pháp', '- Quý II\n- Quý IV'].map((c) => c.replace(/\\n/g, '\n'));
      return rows;
    });
    expect(byTitle(typedOn(wb, 'Sở Y tế'))).toEqual(kept.slice(0, 2).sort());
    expect(r.generation.removed['Sở Y tế'].map((x) => [x.id, x.title, x.values[1]])).toEqual([['2.2', 'Phát hành tài liệu', 'Phát hành 500 cuốn']]);
    expect(xlsxGrid(wb.getWorksheet('Sở Y tế (cũ 01-12-2026)')!).some((row) => row[4] === 'Phát hành 500 cuốn')).toBe(true);
  });
  test('a task given to another agency: the old agency’s content is archived, not moved onto another task', async () => {
    const { wb, r } = await regenerate(planBook(ROWS), (rows) => {
      rows[2][2] = 'Sở Nội vụ';
      return rows;
    });
    expect(typedOn(wb, 'Sở Y tế').map((x) => x[1]).sort()).toEqual(['Phát hành tài liệu', 'Tập huấn kỹ năng phát ngôn']);
    expect(r.generation.removed['Sở Y tế'].map((x) => x.title)).toEqual(['Cập nhật cổng thông tin']);
    expect(typedOn(wb, 'Sở Nội vụ')).toEqual([]);
  });
  test('a generated sheet the user renamed is recognised: kept under its new name, no blank twin', async () => {
    const wb = planBook(ROWS);
    const first = await xlsxPort(wb);
    await generate(first, await analyze(first));
    typeFor(first.wb, 'Sở Y tế', 'Cập nhật cổng thông tin', 'Hoàn thành', 'Đã cập nhật 12 tin');
    first.wb.getWorksheet('Sở Y tế')!.name = 'Y tế 2026';
    const again = await xlsxPort(first.wb);
    const r = await generate(again, await analyze(again));
    expect(again.wb.getWorksheet('Sở Y tế')).toBeUndefined();
    expect(typedOn(again.wb, 'Y tế 2026').map((x) => x[3])).toEqual(['Đã cập nhật 12 tin']);
    expect(generationNotes(r)).toContain('Trang tính "Sở Y tế" đã được đổi tên thành "Y tế 2026": Phân công giữ tên mới và cập nhật trang tính đó.');
    expect(generationNotes(r, 'en')).toContain('The sheet "Sở Y tế" was renamed "Y tế 2026": Phân công keeps the new name and updates that sheet.');
  });
  test('a column a user added after "Đánh giá" comes back with its header and values', async () => {
    const wb = planBook(ROWS);
    const first = await xlsxPort(wb);
    await generate(first, await analyze(first));
    const ws = first.wb.getWorksheet('Sở Y tế')!;
    ws.getCell('O4').value = 'Người phụ trách';
    const r = xlsxGrid(ws).findIndex((row) => row[1] === 'Cập nhật cổng thông tin') + 1;
    ws.getCell(`O${r}`).value = 'Chị Lan';
    ws.getCell(`M${r}`).value = new Date(Date.UTC(2026, 2, 5));
    ws.getCell(`M${r}`).numFmt = 'dd/mm/yyyy';
    const again = await xlsxPort(first.wb);
    await generate(again, await analyze(again));
    const g = xlsxGrid(again.wb.getWorksheet('Sở Y tế')!);
    expect(g[3][14]).toBe('Người phụ trách');
    const row = g.find((x) => x[1] === 'Cập nhật cổng thông tin')!;
    expect(row[14]).toBe('Chị Lan');
    // the completion date the agency typed comes back as a date (the outcome formula compares it)
    expect(row[12]).toBe('05/03/2026');
    expect(again.wb.getWorksheet('Sở Y tế')!.getCell(`M${r}`).value).toBeInstanceOf(Date);
  });

  test('numbers, dates, formulas and links typed by an agency keep their type when their task moves (a row inserted above)', async () => {
    const first = await xlsxPort(planBook(ROWS));
    await generate(first, await analyze(first));
    const ws = first.wb.getWorksheet('Sở Y tế')!;
    ws.getCell('O4').value = 'Tài liệu';
    const r = xlsxGrid(ws).findIndex((row) => row[1] === 'Cập nhật cổng thông tin') + 1;
    ws.getCell(`J${r}`).value = 12; // "12" tin
    ws.getCell(`K${r}`).value = { formula: `J${r}*2`, result: 24 } as ExcelJS.CellFormulaValue;
    ws.getCell(`O${r}`).value = { text: 'Báo cáo', hyperlink: 'https://example.gov.vn/bc.pdf' };
    ws.getCell(`I${r}`).value = 'Hoàn thành';
    const t = xlsxGrid(ws).findIndex((row) => row[1] === 'Tập huấn kỹ năng phát ngôn') + 1;
    ws.getCell(`J${t}`).value = new Date(Date.UTC(2026, 4, 20));
    // a style of its own (exceljs shares one style object between the cells read with it)
    ws.getCell(`J${t}`).style = { ...ws.getCell(`J${t}`).style, numFmt: 'dd/mm/yyyy' };
    ws.getCell(`O${t}`).value = { text: 'Xem bảng', hyperlink: "#'Tổng hợp'!A1" };
    const again = await xlsxPort(first.wb);
    const rows = ROWS.map((x) => x.slice());
    const table = again.wb.getWorksheet('Phụ lục')!;
    table.spliceRows(4, table.rowCount);
    [['1', 'Hội thảo mới', 'Sở Y tế', 'Sở Tư pháp', 'Quý I'], ...rows.map((x) => [String(Number(x[0]) + 1), ...x.slice(1)])].forEach((x, i) => (table.getRow(4 + i).values = x));
    const third = await xlsxPort(again.wb);
    const res = await generate(third, await analyze(third), { today: '2026-12-01' });
    expect(res.generation.removed).toEqual({});
    const ws2 = third.wb.getWorksheet('Sở Y tế')!;
    const r2 = xlsxGrid(ws2).findIndex((row) => row[1] === 'Cập nhật cổng thông tin') + 1;
    expect(r2).toBe(r + 1); // one more task above it
    expect(ws2.getCell(`J${r2}`).value).toBe(12);
    // the formula moved with its row, as Excel moves a copied one
    expect(ws2.getCell(`K${r2}`).formula).toBe(`J${r2}*2`);
    expect(ws2.getCell(`O${r2}`).value).toEqual({ text: 'Báo cáo', hyperlink: 'https://example.gov.vn/bc.pdf' });
    const t2 = xlsxGrid(ws2).findIndex((row) => row[1] === 'Tập huấn kỹ năng phát ngôn') + 1;
    expect(ws2.getCell(`J${t2}`).value).toEqual(new Date(Date.UTC(2026, 4, 20)));
    expect(xlsxGrid(ws2)[t2 - 1][9]).toBe('20/05/2026');
    // a link inside the workbook is written as Excel writes one (a location; exceljs reads only links to URLs)
    const typed = (await third.readSheets(['Sở Y tế'], { typed: () => true }))['Sở Y tế'].typed!;
    expect(typed[`${t2}:15`]).toEqual({ link: "#'Tổng hợp'!A1", text: 'Xem bảng' });
    expect(typed[`${r2}:15`]).toEqual({ link: 'https://example.gov.vn/bc.pdf', text: 'Báo cáo' });
    expect(typed[`${r2}:11`]).toEqual({ formula: `J${r2}*2`, result: 24 });
  });

  test('a comment a person put on one of our sheets: that sheet is kept whole with it, made again, what was typed still follows its task', async () => {
    const first = await xlsxPort(planBook(ROWS));
    await generate(first, await analyze(first));
    typeFor(first.wb, 'Sở Y tế', 'Cập nhật cổng thông tin', 'Hoàn thành', 'Đã cập nhật 12 tin');
    first.wb.getWorksheet('Sở Y tế')!.getCell('J6').note = 'Hỏi lại chị Lan';
    const again = await xlsxPort(first.wb);
    const r = await generate(again, await analyze(again), { today: '2026-12-02' });
    expect(r.keptAsArchive?.map((k) => [k.sheet, k.archive, k.commentCells])).toEqual([['Sở Y tế', 'Sở Y tế (cũ 02-12-2026)', ['J6']]]);
    expect(again.wb.getWorksheet('Sở Y tế (cũ 02-12-2026)')!.getCell('J6').note).toBe('Hỏi lại chị Lan');
    expect(typedOn(again.wb, 'Sở Y tế').map((x) => x[3])).toEqual(['Đã cập nhật 12 tin']);
    expect(generationNotes(r)).toContain('Trang tính "Sở Y tế" có 1 ghi chú (ô J6): bản cũ được giữ nguyên ở trang tính "Sở Y tế (cũ 02-12-2026)", trang tính "Sở Y tế" được tạo lại (nội dung đã nhập cho các nhiệm vụ vẫn đi theo nhiệm vụ).');
    expect(generationNotes(r, 'en')).toContain('The sheet "Sở Y tế" had 1 comment (J6): the earlier sheet is kept whole as "Sở Y tế (cũ 02-12-2026)" and "Sở Y tế" is made again (what was typed for its tasks follows them there).');
  });

  test('a sheet written before the deadline columns: what was typed after "Ghi chú" is kept as an added column', async () => {
    const wb = planBook(ROWS);
    const first = await xlsxPort(wb);
    await generate(first, await analyze(first));
    const ws = first.wb.getWorksheet('Sở Y tế')!;
    // make it look like an old sheet: no Hạn / Ngày hoàn thành / Đánh giá, a column of the user's in L
    for (let r = 4; r <= ws.rowCount; r++) for (const c of ['L', 'M', 'N']) ws.getCell(`${c}${r}`).value = null;
    ws.getCell('L4').value = 'Người phụ trách';
    const r = xlsxGrid(ws).findIndex((row) => row[1] === 'Cập nhật cổng thông tin') + 1;
    ws.getCell(`L${r}`).value = 'Chị Lan';
    ws.getCell(`I${r}`).value = 'Hoàn thành';
    const again = await xlsxPort(first.wb);
    await generate(again, await analyze(again));
    const g = xlsxGrid(again.wb.getWorksheet('Sở Y tế')!);
    expect(g[3].slice(11)).toEqual(['Hạn', 'Ngày hoàn thành', 'Đánh giá', 'Người phụ trách']);
    const row = g.find((x) => x[1] === 'Cập nhật cổng thông tin')!;
    expect([row[8], row[14]]).toEqual(['Hoàn thành', 'Chị Lan']);
  });
});

describe('sheet names', () => {
  test('valid, unique ignoring case, never History, deterministic', () => {
    expect(sanitizeSheetName("'Sở [Y]: tế*?/\\'")).toBe('Sở -Y-- tế----');
    expect(sanitizeSheetName('History')).toBe('History (1)');
    expect(sanitizeSheetName("' ' #0")).toBe('#0'); // found by the property test
    const agencies = [
      { name: 'Sở A', short: 'Sở Y tế', group: 'department' as const, aliases: [] },
      { name: 'Sở B', short: 'SỞ Y TẾ', group: 'department' as const, aliases: [] },
      { name: 'Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực và lãng phí tỉnh', group: 'other' as const, aliases: [] },
    ];
    const names = makeSheetNames(agencies, ['Sở y tế (2)']);
    expect([...names.values()]).toEqual(['Tổng hợp', 'Biểu đồ', 'Quá hạn', 'Danh sách nhiệm vụ', 'Sở Y tế', 'SỞ Y TẾ (3)', 'Ban CĐPCTNTCLPT']);
    expect(makeSheetNames(agencies, ['Sở y tế (2)'])).toEqual(names);
    expect(STATUSES).toEqual(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn']);
  });
});

describe('rows a person added to a generated sheet (issue 15)', () => {
  test('a note under the report and a column beside the task list: those sheets are kept whole as archives, made again, and said', async () => {
    const first = await xlsxPort(planBook(ROWS));
    await generate(first, await analyze(first), { today: '2026-12-01' });
    const report = first.wb.getWorksheet(REPORT_SHEET)!;
    const below = report.rowCount + 2;
    report.getCell(`B${below}`).value = 'Ý kiến lãnh đạo: đôn đốc Sở Y tế';
    const list = first.wb.getWorksheet(TASK_LIST_SHEET)!;
    list.getCell('Z5').value = 'đã gọi điện';
    const again = await xlsxPort(first.wb);
    const r = await generate(again, await analyze(again), { today: '2026-12-02' });
    // only those two (a sheet nobody wrote on is simply made again); names within Excel's 31 characters
    const listArchive = 'Danh sách nhiệm (cũ 02-12-2026)';
    expect(r.keptAsArchive).toEqual([
      { sheet: REPORT_SHEET, cells: [`B${below}`], comments: 0, commentCells: [], pictures: 0, archive: `${REPORT_SHEET} (cũ 02-12-2026)` },
      { sheet: TASK_LIST_SHEET, cells: ['Z5'], comments: 0, commentCells: [], pictures: 0, archive: listArchive },
    ]);
    const kept = again.wb.getWorksheet(`${REPORT_SHEET} (cũ 02-12-2026)`)!;
    expect(kept.getCell(`B${below}`).value).toBe('Ý kiến lãnh đạo: đôn đốc Sở Y tế');
    expect(xlsxGrid(again.wb.getWorksheet(REPORT_SHEET)!).flat()).not.toContain('Ý kiến lãnh đạo: đôn đốc Sở Y tế');
    expect(again.wb.getWorksheet(listArchive)!.getCell('Z5').value).toBe('đã gọi điện');
    expect(generationNotes(r)).toContain(`Trang tính "${REPORT_SHEET}" có ô do người dùng nhập (B${below}): bản cũ được giữ nguyên ở trang tính "${REPORT_SHEET} (cũ 02-12-2026)", trang tính "${REPORT_SHEET}" được tạo lại.`);
    expect(generationNotes(r, 'en')).toContain(`The sheet "${TASK_LIST_SHEET}" had cells filled by a person (Z5): the earlier sheet is kept whole as "${listArchive}" and "${TASK_LIST_SHEET}" is made again.`);
    // the archives are ours now (never replaced, not in the report), and the next run keeps them without a word
    const third = await xlsxPort(again.wb);
    const r3 = await generate(third, await analyze(third), { today: '2026-12-03' });
    expect(r3.keptAsArchive).toBeUndefined();
    expect(third.wb.getWorksheet(`${REPORT_SHEET} (cũ 02-12-2026)`)!.getCell(`B${below}`).value).toBe('Ý kiến lãnh đạo: đôn đốc Sở Y tế');
    expect(xlsxGrid(third.wb.getWorksheet(REPORT_SHEET)!).some((row) => row.some((c) => c.includes('(cũ 02-12-2026)')))).toBe(false);
  });

  test('a note row under the table is archived with its text, never dropped', async () => {
    const wb = planBook(ROWS);
    const first = await xlsxPort(wb);
    await generate(first, await analyze(first));
    const ws = first.wb.getWorksheet('Sở Y tế')!;
    const below = ws.rowCount + 2;
    ws.getCell(`B${below}`).value = 'Ghi chú: đã họp với UBND tỉnh ngày 3/12';
    const again = await xlsxPort(first.wb);
    const r = await generate(again, await analyze(again), { today: '2026-12-01' });
    expect(r.generation.removed['Sở Y tế'].map((x) => x.title)).toEqual(['Ghi chú: đã họp với UBND tỉnh ngày 3/12']);
    expect(xlsxGrid(again.wb.getWorksheet('Sở Y tế (cũ 01-12-2026)')!).some((row) => row.includes('Ghi chú: đã họp với UBND tỉnh ngày 3/12'))).toBe(true);
    expect(generationNotes(r).join('\n')).toMatch(/Các dòng người dùng thêm vào trang tính của Sở Y tế \(dòng \d+ "Ghi chú: đã họp/);
  });
});
