// Use-case: read the assignments of a plan document (text today; .docx is issue #16's next step).
import { buildIndex } from '../core/agencies/match';
import { builtinMasterList } from '../core/agencies/builtin';
import type { MasterList } from '../core/schemas';
import { importPlanText, type ImportResult } from '../core/import/text';
import { levelFromTitles, provinceFromTitles, UserError } from './usecases';
import { fileKind } from './files';

export interface ImportOptions {
  master?: MasterList | null;
  year?: number | null;
}

/** The plan's text from a file's bytes, or a Vietnamese message naming the file and what to save it as. */
export function planTextOf(bytes: Uint8Array, name: string): string {
  const kind = fileKind(bytes);
  if (kind === 'pdf')
    throw new UserError('import.pdf', `Tệp "${name}" là PDF: Phân công không đọc được chữ trong PDF (bản quét càng không). Hãy mở văn bản gốc bằng Word và lưu dạng .txt (Văn bản thuần, UTF-8).`);
  if (kind === 'ole')
    throw new UserError('import.doc', `Tệp "${name}" là tài liệu Word cũ (.doc) hoặc đã đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có, và lưu dạng .txt (Văn bản thuần, UTF-8).`);
  if (kind === 'xlsx' || kind === 'ods')
    throw new UserError('import.workbook', `Tệp "${name}" là sổ tính, không phải văn bản kế hoạch: lệnh import đọc văn bản (.txt); với sổ đã có bảng phân công hãy dùng check hoặc generate.`);
  if (kind !== 'other')
    throw new UserError('import.docx', `Tệp "${name}" là tài liệu Word (.docx) hoặc tệp nén: bản này chưa đọc trực tiếp .docx. Hãy lưu văn bản dạng .txt (Tệp > Lưu thành > Văn bản thuần, UTF-8) rồi chạy lại với tệp .txt.`);
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
