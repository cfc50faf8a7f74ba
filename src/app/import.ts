// Use-case: read the assignments of a plan document — a Word file (.docx: its appendix tables, else its
// paragraphs) or plain text — into the rows of a new table sheet.
import { buildIndex } from '../core/agencies/match';
import { builtinMasterList } from '../core/agencies/builtin';
import { placeKind } from '../core/agencies/provinces';
import type { MasterList } from '../core/schemas';
import { importPlanText, tableNumbers, type ImportedTask, type ImportResult } from '../core/import/text';
import { importDocument, type DocBlock } from '../core/import/document';
import { readDocx } from '../adapters/docx';
import { levelFromTitles, provinceFromTitles, UserError } from './usecases';
import { fileKind } from './files';
import type { WorkbookPort } from '../port/workbook';

/** A plan document as read from a file: text, or a Word document's blocks. */
export type PlanDocument = { kind: 'text'; text: string } | { kind: 'docx'; blocks: DocBlock[] };

export interface ImportOptions {
  master?: MasterList | null;
  year?: number | null;
}

/** The plan document in a file's bytes, or a Vietnamese message naming the file and what to save it as. */
export function planDocumentOf(bytes: Uint8Array, name: string): PlanDocument {
  const kind = fileKind(bytes);
  if (kind === 'pdf')
    throw new UserError('import.pdf', `Tệp "${name}" là PDF: Phân công không đọc được chữ trong PDF (bản quét càng không). Hãy mở văn bản gốc bằng Word và lưu dạng .docx (hoặc .txt, Văn bản thuần, UTF-8).`, `The file "${name}" is a PDF: Phân công cannot read the text of a PDF (let alone a scan). Open the original in Word and save it as .docx (or .txt, plain text, UTF-8).`);
  if (kind === 'ole')
    throw new UserError('import.doc', `Tệp "${name}" là tài liệu Word cũ (.doc) hoặc đã đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có, và lưu dạng .docx (Tệp > Lưu thành > Tài liệu Word).`, `The file "${name}" is an old Word document (.doc) or has a password: open it in Word, remove any password and save it as .docx (File > Save As > Word Document).`);
  if (kind === 'xlsx' || kind === 'ods')
    throw new UserError('import.workbook', `Tệp "${name}" là sổ tính, không phải văn bản kế hoạch: lệnh import đọc văn bản (.docx, .txt); với sổ đã có bảng phân công hãy dùng check hoặc generate.`, `The file "${name}" is a workbook, not a plan document: import reads documents (.docx, .txt); open a workbook that holds the table as the workbook instead.`);
  if (kind === 'odt')
    throw new UserError('import.odt', `Tệp "${name}" là văn bản OpenDocument (.odt): hãy mở bằng LibreOffice Writer, Lưu thành… định dạng Word (.docx) rồi chạy lại với tệp .docx đó.`, `The file "${name}" is an OpenDocument text (.odt): open it in LibreOffice Writer, Save As… Word (.docx), then use that .docx.`);
  if (kind === 'docx') {
    let blocks: DocBlock[];
    try {
      blocks = readDocx(bytes);
    } catch {
      throw new UserError('import.docx_corrupt', `Tệp "${name}" là tài liệu Word nhưng bị hỏng hoặc không đọc được: hãy mở bằng Word, lưu lại dạng .docx rồi chạy lại.`, `The file "${name}" is a Word document but damaged or unreadable: open it in Word, save it again as .docx, then try again.`);
    }
    if (!blocks.some((b) => (b.kind === 'para' ? b.text.trim() : b.rows.length))) throw new UserError('import.empty', `Tệp "${name}" không có chữ nào.`, `The file "${name}" holds no text.`);
    return { kind: 'docx', blocks };
  }
  if (kind !== 'other') throw new UserError('import.zip', `Tệp "${name}" là tệp nén, không phải văn bản kế hoạch: hãy dùng tệp .docx hoặc .txt của kế hoạch.`, `The file "${name}" is a zip archive, not a plan document: use the plan's .docx or .txt.`);
  return { kind: 'text', text: planTextOf(bytes, name) };
}

/** Plain text from a file's bytes (UTF-8), or a Vietnamese message. */
export function planTextOf(bytes: Uint8Array, name: string): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD') && (text.match(/\uFFFD/g) ?? []).length > text.length / 50)
    throw new UserError('import.encoding', `Tệp "${name}" không phải văn bản UTF-8: hãy lưu lại dạng .txt với bảng mã UTF-8 (Unicode).`, `The file "${name}" is not UTF-8 text: save it again as .txt with the UTF-8 (Unicode) encoding.`);
  if (!text.trim()) throw new UserError('import.empty', `Tệp "${name}" không có chữ nào.`, `The file "${name}" holds no text.`);
  return text;
}

/** Read the tasks a plan assigns; a plan with none is a Vietnamese error naming what was looked for. */
export function importPlan(doc: PlanDocument | string, name: string, opts: ImportOptions = {}): ImportResult {
  const d: PlanDocument = typeof doc === 'string' ? { kind: 'text', text: doc } : doc;
  const head = d.kind === 'text' ? d.text.split('\n').slice(0, 80) : d.blocks.filter((b) => b.kind === 'para').slice(0, 80).map((b) => (b as { text: string }).text);
  const province = provinceFromTitles(head);
  const idx = buildIndex(opts.master ?? builtinMasterList(province), province, levelFromTitles(head));
  const r = d.kind === 'text' ? importPlanText(d.text, idx, opts.year ?? null) : importDocument(d.blocks, idx, opts.year ?? null);
  if (!r.tasks.length)
    throw new UserError(
      'import.none',
      `Tệp "${name}": ${r.empty ?? 'không tìm thấy nhiệm vụ nào.'}`,
      `"${name}": no assignment part was found: the text has no "Cơ quan chủ trì: …" line, nor a "Tổ chức thực hiện" / "Phân công nhiệm vụ" part listing each agency.`,
    );
  return r;
}

/** The header of the table an import writes (docs/CONTRACTS.md, import). */
export const IMPORT_HEADER = ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Nguồn'];

/** "Phụ lục", or "Phụ lục (2)", … when taken: an import never writes over a sheet. */
export function freeSheetName(existing: string[], base = 'Phụ lục'): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} (${k})`.toLowerCase())) return `${base} (${k})`;
}

/** The rows of the imported table: title rows, a blank row, the header, a section row where the document's section changes, the tasks. */
export function importedRows(r: ImportResult): { rows: string[][]; headerRow: number; sectionRows: { row: number; from: 'A' | 'B' }[] } {
  const p = r.plan;
  // whose plan it is, in words `check` reads back (the province decides the built-in list's own names)
  const place = p.province ? `${placeKind(p.province)} ${p.province}` : '';
  // the plan year in words `check` reads ("năm 2024"): the date it was signed may be of the year before
  const signed = [[p.number ? `Số ${p.number}` : '', p.date ? `ngày ${p.date}` : ''].filter(Boolean).join(' '), place, p.year ? `năm ${p.year}` : ''].filter(Boolean).join(' — ');
  const titles = r.titles?.length
    ? [...r.titles.map((t) => [t]), ...(place && !r.titles.some((t) => provinceFromTitles([t]) === p.province) ? [[place]] : []), ['']]
    : [[p.title ?? 'PHỤ LỤC PHÂN CÔNG NHIỆM VỤ'], [signed], ['']];
  const rows: string[][] = [...titles, IMPORT_HEADER];
  let section = '';
  const sectionRows: { row: number; from: 'A' | 'B' }[] = [];
  const numbers = tableNumbers(r.tasks);
  r.tasks.forEach((t, i) => {
    if (t.section && t.section !== section) {
      section = t.section;
      // "IV. Phát triển hạ tầng\nChính phủ số", "III.1.1. Nhóm …": the numeral in STT, the title on one line
      const m = /^([IVXLC]+(?:\.\d{1,3})*)(?:[.)]\s*|\s+)([\s\S]*)$/.exec(section);
      const title = (m ? m[2] : section).replace(/\s*\n\s*/g, ' ').trim();
      // a heading without a numeral is written across the whole row, from the STT column
      rows.push(m ? [m[1], title, '', '', '', ''] : [title, '', '', '', '', '']);
      sectionRows.push({ row: rows.length, from: m ? 'B' : 'A' });
    }
    rows.push([numbers[i], t.title, t.lead, t.support, t.time, t.source.replace(/^paragraph /, 'dòng ')]);
  });
  return { rows, headerRow: titles.length + 1, sectionRows };
}

/** Write the imported table into a new sheet of the workbook (never over an existing one). */
export async function writeImported(port: WorkbookPort, r: ImportResult): Promise<{ sheet: string; headerRow: number }> {
  const snap = await port.read({ extra: [] });
  const sheet = freeSheetName(snap.sheets.map((s) => s.name));
  const { rows, headerRow, sectionRows } = importedRows(r);
  // a section heading spans the task's columns, as Word shows it: the table reader takes it for a section, never for a line of the task above
  const merges = sectionRows.map(({ row, from }) => ({ sheet, range: `${from}${row}:F${row}` }));
  await port.write({ createSheets: [sheet], cellWrites: [{ sheet, address: 'A1', values: rows }], merges, sheets: [], deleteSheets: [], registry: null, knownSheets: snap.sheets.map((s) => s.name) });
  return { sheet, headerRow };
}

export interface ImportPreview {
  tasks: number;
  /** Tasks per lead as the document words it, most first. */
  byLead: { lead: string; count: number }[];
  /** The first rows, as they will be written. */
  first: ImportedTask[];
}

/** What the officer sees before confirming an import: how many tasks, for whom, the first rows. */
export function importPreview(r: ImportResult, rows = 5): ImportPreview {
  const counts = new Map<string, number>();
  for (const t of r.tasks) {
    const lead = t.lead.replace(/\s+/g, ' ').trim() || '(chưa ghi cơ quan chủ trì)';
    counts.set(lead, (counts.get(lead) ?? 0) + 1);
  }
  const byLead = [...counts].map(([lead, count]) => ({ lead, count })).sort((a, b) => b.count - a.count || (a.lead < b.lead ? -1 : 1));
  return { tasks: r.tasks.length, byLead, first: r.tasks.slice(0, rows) };
}

/** A plan file's tasks (.docx, .txt), or pasted text's: the pane's entry to importPlan. */
export function readPlan(input: { bytes: Uint8Array } | { text: string }, name: string, opts: ImportOptions = {}): ImportResult {
  if ('text' in input) {
    if (!input.text.trim()) throw new UserError('import.empty', 'Chưa có chữ nào: hãy dán văn bản kế hoạch vào ô.', `Nothing yet: paste the plan's text into the box.`);
    return importPlan(input.text, name, opts);
  }
  return importPlan(planDocumentOf(input.bytes, name), name, opts);
}

/** A plan read and previewed in one call (the pane's worker does it off the page). */
export function readPlanWithPreview(input: { bytes: Uint8Array } | { text: string }, name: string): { result: ImportResult; preview: ImportPreview } {
  const result = readPlan(input, name);
  return { result, preview: importPreview(result) };
}
