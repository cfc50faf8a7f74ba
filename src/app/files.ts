// What a file a user gives us is, from its bytes: an Excel workbook, or something else named for what
// it is, with what to do. The command line and the pane (outside Excel) open files through this.
import { masterFromGrid, UserError } from './usecases';
import { parseCsv } from '../core/agencies/master';
import type { MasterList } from '../core/schemas';
import type { WorkbookPort } from '../port/workbook';
import type { ReturnedFile } from './distribute';

/** What the bytes are. `ole`: a password-protected Office file or an old .xls/.doc; `zip`: a whole zip of something else; `cut-zip`: a zip without its end (corrupt, or not a zip we know). */
export type FileKind = 'ole' | 'pdf' | 'xlsx' | 'docx' | 'ods' | 'odt' | 'zip' | 'cut-zip' | 'other';

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-' ? 'pdf' : 'other';
  // a zip's entry names are stored uncompressed
  let names = '';
  // in chunks of 8,192: a spread of more arguments overflows a worker's smaller stack
  for (let i = 0; i < bytes.length; i += 8192) names += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (names.includes('application/vnd.oasis.opendocument.text')) return 'odt';
  return names.includes('PK\x05\x06') ? 'zip' : 'cut-zip';
}

/** Throws a UserError (Vietnamese, naming the file) unless the bytes look like an .xlsx/.xlsm workbook. */
export function checkWorkbookBytes(bytes: Uint8Array, name: string): void {
  switch (fileKind(bytes)) {
    case 'ole':
      throw new UserError('file.protected', `Tệp "${name}" được đặt mật khẩu hoặc là định dạng .xls cũ: hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx rồi chạy lại.`, `The file "${name}" has a password or is an old .xls: open it in Excel, remove the password and save it as .xlsx, then try again.`);
    case 'pdf':
      throw new UserError('file.pdf', `Tệp "${name}" là tệp PDF, không phải sổ Excel: hãy dùng tệp .xlsx của bảng phân công (hoặc chép bảng vào Excel rồi lưu dạng .xlsx).`, `The file "${name}" is a PDF, not an Excel workbook: use the .xlsx of the assignment table (or copy the table into Excel and save it as .xlsx).`);
    case 'other':
      throw new UserError('file.not_xlsx', `Tệp "${name}" không phải tệp Excel .xlsx: hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng .xlsx.`, `The file "${name}" is not an Excel .xlsx file: open it in Excel (or LibreOffice) and save it as .xlsx.`);
    case 'docx':
      throw new UserError('file.docx', `Tệp "${name}" là tài liệu Word (.docx), không phải sổ Excel: hãy chép bảng phân công sang Excel và lưu dạng .xlsx.`, `The file "${name}" is a Word document (.docx), not an Excel workbook: import it from the first step, or copy the table into Excel and save it as .xlsx.`);
    case 'ods':
      throw new UserError('file.ods', `Tệp "${name}" là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice Calc, chọn Lưu thành… định dạng Excel 2007-365 (.xlsx) rồi chạy lại với tệp .xlsx đó.`, `The file "${name}" is an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc, Save As… Excel 2007-365 (.xlsx), then use that .xlsx.`);
    case 'odt':
      throw new UserError('file.odt', `Tệp "${name}" là văn bản OpenDocument (.odt), không phải sổ Excel: hãy chép bảng phân công sang Excel và lưu dạng .xlsx.`, `The file "${name}" is an OpenDocument text (.odt), not an Excel workbook: copy the table into Excel and save it as .xlsx.`);
    case 'zip':
      // a whole zip without a workbook is not Excel; a cut one ('cut-zip') is left to the reader, which calls it corrupt
      throw new UserError('file.not_xlsx', `Tệp "${name}" là tệp nén nhưng không phải sổ Excel .xlsx: hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng .xlsx.`, `The file "${name}" is a zip archive but not an Excel .xlsx workbook: open it in Excel (or LibreOffice) and save it as .xlsx.`);
  }
}

/** The message for a workbook the spreadsheet library could not read. */
export function corruptWorkbook(name: string): UserError {
  return new UserError('file.corrupt', `Tệp "${name}" bị hỏng hoặc không đọc được: hãy mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại.`, `The file "${name}" is damaged or cannot be read: open it in Excel, save it again as .xlsx, then try again.`);
}

/** Opens .xlsx bytes as a workbook (the .xlsx adapter's load, given by the composition root). */
export type OpenWorkbook = (bytes: Uint8Array) => Promise<WorkbookPort>;

/** A file an agency sent back: checked, opened, its marker and the sheet it names. */
export async function readReturnedFile(open: OpenWorkbook, bytes: Uint8Array, name: string): Promise<ReturnedFile> {
  checkWorkbookBytes(bytes, name);
  const r = await open(bytes).catch(() => {
    throw corruptWorkbook(name);
  });
  const snap = await r.read({ extra: [] });
  const sheet = snap.registry?.distribution?.sheet;
  return { file: name, registry: snap.registry, grid: sheet ? ((await r.readSheets([sheet]))[sheet] ?? null) : null };
}

/** The cells of a workbook file's first sheet (a master list chosen as a file). */
export async function firstSheetRows(open: OpenWorkbook, bytes: Uint8Array, name: string): Promise<string[][]> {
  checkWorkbookBytes(bytes, name);
  const wb = await open(bytes).catch(() => {
    throw corruptWorkbook(name);
  });
  const snap = await wb.read({ extra: [], allSheets: true });
  const first = snap.sheets[0]?.name;
  return first ? (snap.grids[first]?.values ?? []) : [];
}

/** A master list chosen as a file: a .csv, or a workbook's first sheet (read by the host's `firstSheetRows`). */
export async function masterFromFile(
  name: string,
  data: ArrayBuffer | Uint8Array,
  firstSheetRowsOf?: (bytes: Uint8Array, name: string) => Promise<string[][]>,
  origin = `Tệp "${name}"`,
): Promise<MasterList | null> {
  let rows: string[][];
  if (/\.csv$/i.test(name)) rows = parseCsv(new TextDecoder('utf-8').decode(data));
  else if (firstSheetRowsOf) rows = await firstSheetRowsOf(data instanceof Uint8Array ? data : new Uint8Array(data), name);
  else return null;
  return masterFromGrid(rows, origin);
}
