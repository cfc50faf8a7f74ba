// Use-case: read the assignments of a plan document (text today; .docx is issue #16's next step).
import { buildIndex } from '../core/agencies/match';
import { builtinMasterList } from '../core/agencies/builtin';
import type { MasterList } from '../core/schemas';
import { importPlanText, type ImportResult } from '../core/import/text';
import { levelFromTitles, provinceFromTitles, UserError } from './usecases';

export interface ImportOptions {
  master?: MasterList | null;
  year?: number | null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The plan's text from a file's bytes, or a Vietnamese message saying what to save it as. */
export function planTextOf(bytes: Uint8Array, name: string): string {
  const lower = name.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || lower.endsWith('.pdf'))
    throw new UserError('import.pdf', `Tệp "${name}" là PDF: Phân công không đọc được chữ trong PDF (bản quét càng không). Hãy mở văn bản gốc bằng Word và lưu dạng .txt (Văn bản thuần, UTF-8).`);
  if (startsWith(bytes, OLE) || lower.endsWith('.doc'))
    throw new UserError('import.doc', `Tệp "${name}" là tài liệu Word cũ (.doc) hoặc đã đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có, và lưu dạng .txt (Văn bản thuần, UTF-8).`);
  if (/\.(xlsx|xlsm|xls|ods)$/.test(lower))
    throw new UserError('import.workbook', `Tệp "${name}" là sổ tính, không phải văn bản kế hoạch: lệnh import đọc văn bản (.txt); với sổ đã có bảng phân công hãy dùng check hoặc generate.`);
  if (startsWith(bytes, ZIP) || lower.endsWith('.docx'))
    throw new UserError('import.docx', `Tệp "${name}" là tài liệu Word (.docx): bản này chưa đọc trực tiếp .docx. Hãy lưu văn bản dạng .txt (Tệp > Lưu thành > Văn bản thuần, UTF-8) rồi chạy lại với tệp .txt.`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD') && (text.match(/\uFFFD/g) ?? []).length > text.length / 50)
    throw new UserError('import.encoding', `Tệp "${name}" không phải văn bản UTF-8: hãy lưu lại dạng .txt với bảng mã UTF-8 (Unicode).`);
  if (!text.trim()) throw new UserError('import.empty', `Tệp "${name}" không có chữ nào.`);
  return text;
}

/** Read the tasks a plan assigns; a plan with none is a Vietnamese error naming what was looked for. */
export function importPlan(text: string, name: string, opts: ImportOptions = {}): ImportResult {
  const head = text.split('\n').slice(0, 80);
  const province = provinceFromTitles(head);
  const idx = buildIndex(opts.master ?? builtinMasterList(province), province, levelFromTitles(head));
  const r = importPlanText(text, idx, opts.year ?? null);
  if (!r.tasks.length) throw new UserError('import.none', `Tệp "${name}": ${r.empty ?? 'không tìm thấy nhiệm vụ nào.'}`);
  return r;
}
