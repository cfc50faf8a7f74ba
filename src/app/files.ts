// What a file a user gives us is, from its bytes: an Excel workbook, or something else named for what
// it is, with what to do. The command line and the pane (outside Excel) open files through this.
import { UserError } from './usecases';

/** Throws a UserError (Vietnamese, naming the file) unless the bytes look like an .xlsx/.xlsm workbook. */
export function checkWorkbookBytes(bytes: Uint8Array, name: string): void {
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new UserError('file.protected', `Tệp "${name}" được đặt mật khẩu hoặc là định dạng .xls cũ: hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx rồi chạy lại.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    if (head(5) === '%PDF-') throw new UserError('file.pdf', `Tệp "${name}" là tệp PDF, không phải sổ Excel: hãy dùng tệp .xlsx của bảng phân công (hoặc chép bảng vào Excel rồi lưu dạng .xlsx).`);
    throw new UserError('file.not_xlsx', `Tệp "${name}" không phải tệp Excel .xlsx: hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng .xlsx.`);
  }
  // a zip that is another kind of document (its entry names are stored uncompressed)
  let names = '';
  for (let i = 0; i < bytes.length; i += 65536) names += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 65536)));
  const excel = names.includes('xl/workbook.xml');
  if (!excel && names.includes('word/document.xml'))
    throw new UserError('file.docx', `Tệp "${name}" là tài liệu Word (.docx), không phải sổ Excel: hãy chép bảng phân công sang Excel và lưu dạng .xlsx.`);
  if (!excel && names.includes('application/vnd.oasis.opendocument.spreadsheet'))
    throw new UserError('file.ods', `Tệp "${name}" là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice Calc, chọn Lưu thành… định dạng Excel 2007-365 (.xlsx) rồi chạy lại với tệp .xlsx đó.`);
  if (!excel && names.includes('application/vnd.oasis.opendocument.text'))
    throw new UserError('file.odt', `Tệp "${name}" là văn bản OpenDocument (.odt), không phải sổ Excel: hãy chép bảng phân công sang Excel và lưu dạng .xlsx.`);
  // a whole zip (its end-of-directory record is there) without a workbook is not Excel; a cut one is corrupt
  if (!excel && names.includes('PK\x05\x06'))
    throw new UserError('file.not_xlsx', `Tệp "${name}" là tệp nén nhưng không phải sổ Excel .xlsx: hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dạng .xlsx.`);
}

/** The message for a workbook the spreadsheet library could not read. */
export function corruptWorkbook(name: string): UserError {
  return new UserError('file.corrupt', `Tệp "${name}" bị hỏng hoặc không đọc được: hãy mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại.`);
}
