// Importing Word documents (issue 16). The .docx files in test/fixtures/real/docx/ are built by
// scripts/docx/make_docx.py (LibreOffice Writer) from real text copied into test/fixtures/real/:
// the 13 appendix tables of ../shared/corpus/tables (tables/*.tsv, each with its # source line), the
// 10 prose excerpts of ../shared/corpus/prose (prose/*.txt, first line = source) and the seed-002
// appendix. Expected tasks of a table are the corpus's own task rows (its reader's judgement).
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../src/app/usecases';
import { importPlan, planDocumentOf, writeImported } from '../../src/app/import';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { readDocx } from '../../src/adapters/docx';
import { importDocument, tableGrid, type DocCell } from '../../src/core/import/document';
import { buildIndex } from '../../src/core/agencies/match';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import { seed002Workbook } from '../../scripts/fixtures';
import { xlsxPort } from '../helpers';

const REAL = join(__dirname, '..', 'fixtures', 'real');
const docx = (name: string) => new Uint8Array(readFileSync(join(REAL, 'docx', name + '.docx')));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const idx = buildIndex(builtinMasterList(), null, 'central');

describe('the seed-002 appendix saved as .docx', () => {
  it('imports to the same 25 tasks, agencies and quarters as the sample workbook', async () => {
    const r = importPlan(planDocumentOf(docx('seed002-appendix'), 'seed002.docx'), 'seed002.docx');
    expect(r.tasks).toHaveLength(7); // rows; their bullets make the tasks
    expect(r.tasks[0].title.split('\n')).toHaveLength(6); // a cell's paragraphs stay lines of one cell
    const port = XlsxWorkbook.empty();
    const w = await writeImported(port, r);
    const imported = await analyze(await XlsxWorkbook.load(await port.save()), { sheet: w.sheet });
    const sample = await analyze(await xlsxPort(seed002Workbook()));
    const view = (a: typeof sample) => a.tasks.map((t) => [norm(t.raw.title), t.lead.map((m) => m.agency ?? m.text), t.support.map((m) => m.agency ?? m.collective ?? m.text), t.quarters]);
    expect(imported.tasks).toHaveLength(25);
    expect(view(imported)).toEqual(view(sample));
  });
});

describe('Word tables as Word shows them', () => {
  it('cells spanning columns, cells merged down, a table inside a cell', () => {
    const g = tableGrid([
      { cells: [{ paragraphs: ['STT'], span: 1, vMerge: null }, { paragraphs: ['Nhiệm vụ'], span: 1, vMerge: null }, { paragraphs: ['Chủ trì'], span: 1, vMerge: null }] },
      { cells: [{ paragraphs: ['I. NHÓM A'], span: 3, vMerge: null }] },
      { cells: [{ paragraphs: ['1'], span: 1, vMerge: null }, { paragraphs: ['Việc một', 'dòng hai'], span: 1, vMerge: null }, { paragraphs: ['Sở Y tế'], span: 1, vMerge: 'restart' }] },
      { cells: [{ paragraphs: ['2'], span: 1, vMerge: null }, { paragraphs: ['Việc hai'], span: 1, vMerge: null }, { paragraphs: [''], span: 1, vMerge: 'continue' }] },
    ]);
    expect(g.values).toEqual([['STT', 'Nhiệm vụ', 'Chủ trì'], ['I. NHÓM A'], ['1', 'Việc một\ndòng hai', 'Sở Y tế'], ['2', 'Việc hai']]);
    expect(g.merges).toEqual([{ r1: 2, c1: 1, r2: 2, c2: 3 }, { r1: 3, c1: 3, r2: 4, c2: 3 }]);
  });

  it('an STT merged down over an agency\'s rows (NQ 175/NQ-CP groups its tasks so) numbers them 1.1, 1.2 as the table reader does', () => {
    const c = (p: string, vMerge: DocCell['vMerge'] = null): DocCell => ({ paragraphs: [p], span: 1, vMerge });
    const r = importDocument(
      [
        { kind: 'table', rows: [
          { header: false, cells: [c('STT'), c('Đơn vị (chủ trì)'), c('Nhiệm vụ chủ trì'), c('Thời gian hoàn thành')] },
          { header: false, cells: [c('1', 'restart'), c('Bộ Công an', 'restart'), c('Thành lập đơn vị cấp Cục'), c('Trong năm 2024')] },
          { header: false, cells: [c('', 'continue'), c('', 'continue'), c('Tuyên truyền, phổ biến'), c('Quý IV/2023')] },
          { header: false, cells: [c('2'), c('Bộ Tài chính'), c('Bố trí kinh phí'), c('Hằng năm')] },
        ] },
      ],
      idx,
    );
    expect(r.tasks.map((t) => [t.stt, t.lead, t.title])).toEqual([
      ['1.1', 'Bộ Công an', 'Thành lập đơn vị cấp Cục'],
      ['1.2', 'Bộ Công an', 'Tuyên truyền, phổ biến'],
      ['2', 'Bộ Tài chính', 'Bố trí kinh phí'],
    ]);
  });

  it('automatic numbering is read as Word shows it ("1.", "a)", "-")', () => {
    const blocks = readDocx(docx('cantho-153-kh-ubnd-2025-ma-tuy-phancong'));
    expect(blocks.filter((b) => b.kind === 'para').length).toBeGreaterThan(20);
  });
});

interface TableScore {
  file: string;
  expected: number;
  found: number;
  rightLead: number;
  falseTasks: number;
}

/** Indicator tables assign monitoring, not tasks: "Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá". */
const NOT_ASSIGNMENT = new Set(['central_QD2629-TTg-2025_PL1_chi-tieu']);
/** Corpus rows we judge mislabelled: a section heading transcribed as a task with shifted cells ("III | Phát triển … | | III.1 | Nhóm …"). */
const MISLABELLED: Record<string, number[]> = { 'central_QD2629-TTg-2025_PL2_nhiem-vu': [21] };

function scoreTable(name: string): TableScore {
  const lines = readFileSync(join(REAL, 'tables', name + '.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  const head = lines[0];
  const ti = head.findIndex((h) => /nhiệm vụ|nội dung|tên/i.test(h) && !/người|văn bản|đơn vị/i.test(h));
  const li = head.findIndex((h) => /chủ trì/i.test(h) && !/nhiệm vụ/i.test(h));
  const expected = lines
    .slice(1)
    .map((r, i) => ({ r, i: i + 1 }))
    .filter(({ r, i }) => r[0] === 'task' && !(MISLABELLED[name] ?? []).includes(i))
    .map(({ r }) => ({ title: norm(r[ti].replace(/\\n/g, ' ')), lead: norm((r[li] ?? '').replace(/\\n/g, ' ')) }));
  const got = importPlan(planDocumentOf(docx(name), name), name).tasks.map((t) => ({ title: norm(t.title), lead: norm(t.lead) }));
  const found = expected.filter((e) => got.some((g) => g.title === e.title));
  return {
    file: name,
    expected: expected.length,
    found: found.length,
    rightLead: found.filter((e) => got.find((g) => g.title === e.title)?.lead === e.lead).length,
    falseTasks: got.filter((g) => !expected.some((e) => e.title === g.title)).length,
  };
}

describe('the 13 real appendix tables, as .docx', () => {
  const names = readdirSync(join(REAL, 'tables'))
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => f.slice(0, -4));
  const scores = names.filter((n) => !NOT_ASSIGNMENT.has(n)).map(scoreTable);
  const total = scores.reduce((a, s) => ({ expected: a.expected + s.expected, found: a.found + s.found, rightLead: a.rightLead + s.rightLead, falseTasks: a.falseTasks + s.falseTasks }), { expected: 0, found: 0, rightLead: 0, falseTasks: 0 });

  it('finds ≥ 95 % of the tasks, ≥ 95 % with the right lead, ≤ 2 % false', () => {
    const pct = (n: number) => ((100 * n) / total.expected).toFixed(1);
    process.stdout.write(
      `Bảng thật (.docx, ${scores.length} bảng): ${total.found}/${total.expected} nhiệm vụ tìm thấy (${pct(total.found)} %), ${total.rightLead} đúng cơ quan chủ trì (${pct(total.rightLead)} %), ${total.falseTasks} nhiệm vụ thừa\n` +
        scores.map((s) => `  ${s.file}: ${s.found}/${s.expected}, chủ trì đúng ${s.rightLead}, thừa ${s.falseTasks}`).join('\n') +
        '\n',
    );
    expect(names).toHaveLength(13);
    expect(total.found / total.expected).toBeGreaterThanOrEqual(0.95);
    expect(total.rightLead / total.expected).toBeGreaterThanOrEqual(0.95);
    expect(total.falseTasks / total.expected).toBeLessThanOrEqual(0.02);
  });

  it('an indicator table is not read as tasks: a clear message instead', () => {
    expect(() => importPlan(planDocumentOf(docx('central_QD2629-TTg-2025_PL1_chi-tieu'), 'chi-tieu.docx'), 'chi-tieu.docx')).toThrow(/chi-tieu\.docx/);
  });
});

describe('every real document imported, then checked: the table reads back whole, and its numbers are not "STT trùng"', () => {
  /** Duplicate numbers the documents themselves hold (checked by reading them): NQ 175 merges its STT down
   *  over an agency's rows and the corpus copy repeats it on each; TB 624 PL I carries its sub-tables'
   *  header rows inside, their heading in the STT cell, so its parts 2 and 3 start again at 1 under no
   *  heading the table shows; TB 624 PL II, numbered straight through, has two tasks 22 and two 37. */
  const HOLDS_DUPLICATES: Record<string, number> = { 'central_NQ175-CP-2023_TTDLQG': 15, 'central_TB624-VPCP-2025_PL1_nhiem-vu-cham-muon': 19, 'central_TB624-VPCP-2025_PL2_ket-qua': 2 };
  const names = readdirSync(join(REAL, 'docx'))
    .filter((f) => f.endsWith('.docx') && !f.startsWith('seed') && !NOT_ASSIGNMENT.has(f.slice(0, -5)))
    .map((f) => f.slice(0, -5));
  it.each(names)('%s', async (name) => {
    const r = importPlan(planDocumentOf(docx(name), name), name);
    const port = XlsxWorkbook.empty();
    await writeImported(port, r);
    const a = await analyze(port);
    // every imported row is read back as a task, and no heading as one
    expect(new Set(a.tasks.map((t) => t.row)).size).toBe(r.tasks.length);
    expect(a.issues.filter((i) => i.rule === 'structure.stt.duplicate')).toHaveLength(HOLDS_DUPLICATES[name] ?? 0);
  });
});

describe('the 10 real prose excerpts: the .docx reads as its .txt does', () => {
  const names = readdirSync(join(REAL, 'prose'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));
  it.each(names)('%s', (name) => {
    const fromText = (() => {
      try {
        return importPlan(planDocumentOf(new Uint8Array(readFileSync(join(REAL, 'prose', name + '.txt'))), name), name).tasks;
      } catch {
        return [];
      }
    })();
    const fromDocx = (() => {
      try {
        return importPlan(planDocumentOf(docx(name), name), name).tasks;
      } catch {
        return [];
      }
    })();
    // every excerpt assigns something: two empty readings would agree too
    expect(fromText.length).toBeGreaterThan(0);
    expect(fromDocx.map((t) => [t.stt, norm(t.title), t.lead, t.support, t.time])).toEqual(fromText.map((t) => [t.stt, norm(t.title), t.lead, t.support, t.time]));
  });
});

// ---- prose: tasks found, right lead, false tasks against test/fixtures/real/prose_expected.tsv ----

interface Expected {
  part: string;
  item: string;
  lead: string;
  tasks: number;
}

const fold = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\bubnd\b/g, 'ủy ban nhân dân')
    .replace(/uỷ/g, 'ủy')
    .replace(/hoá/g, 'hóa')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
/** The same lead: equal, or one is the other's beginning (a list the document goes on with), after case and spacing. */
const sameLead = (a: string, b: string) => {
  const x = fold(a);
  const y = fold(b);
  return x === y || (Math.min(x.length, y.length) >= 10 && (x.startsWith(y) || y.startsWith(x)));
};

export function scoreProse(doc: string, tasks: { stt: string; lead: string; section: string }[], expected: Expected[]) {
  const groups = new Map<string, Expected[]>();
  for (const e of expected) groups.set(`${e.part}|${e.item}`, [...(groups.get(`${e.part}|${e.item}`) ?? []), e]);
  const ours = new Map<string, { lead: string }[]>();
  let falseTasks = 0;
  for (const t of tasks) {
    const item = t.stt.includes('.') ? t.stt.slice(0, t.stt.lastIndexOf('.')) : t.stt;
    const key = [...groups.keys()].find((k) => {
      const [part, it] = k.split('|');
      return it === item && t.section.startsWith(part);
    });
    if (!key) falseTasks++;
    else ours.set(key, [...(ours.get(key) ?? []), t]);
  }
  let found = 0;
  let rightLead = 0;
  let total = 0;
  for (const [key, rows] of groups) {
    const want = rows.reduce((n, r) => n + r.tasks, 0);
    const got = ours.get(key) ?? [];
    total += want;
    found += Math.min(want, got.length);
    falseTasks += Math.max(0, got.length - want);
    for (const r of rows) rightLead += Math.min(r.tasks, got.filter((g) => sameLead(g.lead, r.lead)).length);
  }
  return { doc, total, found, rightLead, falseTasks };
}

describe('the 10 real prose excerpts against what a careful reader expects', () => {
  const rows = readFileSync(join(REAL, 'prose_expected.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('doc\t'))
    .map((l) => l.split('\t'));
  const docs = [...new Set(rows.map((r) => r[0]))];
  const scores = docs.map((doc) => {
    let tasks: { stt: string; lead: string; section: string }[] = [];
    try {
      tasks = importPlan(planDocumentOf(docx(doc), doc), doc).tasks;
    } catch {
      tasks = [];
    }
    return scoreProse(
      doc,
      tasks,
      rows.filter((r) => r[0] === doc).map((r) => ({ part: r[1], item: r[2], lead: r[3], tasks: Number(r[4]) })),
    );
  });
  const sum = scores.reduce((a, s) => ({ total: a.total + s.total, found: a.found + s.found, rightLead: a.rightLead + s.rightLead, falseTasks: a.falseTasks + s.falseTasks }), { total: 0, found: 0, rightLead: 0, falseTasks: 0 });

  it('finds ≥ 95 % of the tasks, ≥ 95 % with the right lead, ≤ 2 % false (and prints each document)', () => {
    const pct = (n: number, d: number) => ((100 * n) / d).toFixed(1);
    process.stdout.write(
      `Văn xuôi thật (.docx, ${scores.length} văn bản): ${sum.found}/${sum.total} nhiệm vụ tìm thấy (${pct(sum.found, sum.total)} %), ${sum.rightLead} đúng cơ quan chủ trì (${pct(sum.rightLead, sum.total)} %), ${sum.falseTasks} thừa (${pct(sum.falseTasks, sum.total)} %)\n` +
        scores.map((s) => `  ${s.doc}: ${s.found}/${s.total}, chủ trì đúng ${s.rightLead}, thừa ${s.falseTasks}`).join('\n') +
        '\n',
    );
    expect(docs).toHaveLength(10);
    expect(sum.total).toBe(328);
    expect(sum.found / sum.total).toBeGreaterThanOrEqual(0.95);
    expect(sum.rightLead / sum.total).toBeGreaterThanOrEqual(0.95);
    expect(sum.falseTasks / sum.total).toBeLessThanOrEqual(0.02);
  });
});
