// Errors from Excel (OfficeExtension.Error: code, message, debugInfo) and from our own use-cases,
// turned into a message that says what to do, in Vietnamese and, for the pane, English. Never a blank pane.
import { WriteFailure } from '../port/workbook';
import { UserError } from './usecases';

export interface FriendlyError {
  title: string;
  detail: string;
  code: string;
  /** The same in English (the pane shows it in English mode). */
  en: { title: string; detail: string };
}

/** Excel's error codes: what happened and what to do, in Vietnamese and in English. */
const BY_CODE: Record<string, { vi: [string, string]; en: [string, string] }> = {
  InvalidArgument: {
    vi: ['Excel không nhận dữ liệu', 'Một giá trị hoặc tên trang tính không hợp lệ. Hãy kiểm tra tên trang tính (không quá 31 ký tự, không chứa [ ] : * ? / \\) rồi thử lại.'],
    en: ['Excel did not take the data', 'A value or a sheet name is not valid. Check the sheet names (31 characters at most, none of [ ] : * ? / \\) and try again.'],
  },
  ItemAlreadyExists: {
    vi: ['Tên trang tính đã có', 'Đã có trang tính trùng tên. Hãy đổi tên trang tính của bạn hoặc chạy lại để Phân công chọn tên khác.'],
    en: ['The sheet name is taken', 'A sheet of that name exists. Rename your sheet, or run again for Phân công to choose another name.'],
  },
  ItemNotFound: {
    vi: ['Không tìm thấy trang tính hoặc ô', 'Trang tính hoặc vùng ô đã bị xoá, đổi tên trong lúc chạy. Bấm "Đọc lại bảng" rồi thử lại.'],
    en: ['Sheet or cell not found', 'A sheet or range was deleted or renamed while running. Press "Read the table again" and try again.'],
  },
  RequestPayloadSizeLimitExceeded: {
    vi: ['Dữ liệu gửi quá lớn', 'Excel trên web giới hạn mỗi lần gửi 5 MB. Hãy tạo trang tính cho ít cơ quan hơn mỗi lần (chọn cơ quan ở bước Tạo trang tính).'],
    en: ['Too much data in one request', 'Excel on the web takes 5 MB at a time. Make the sheets for fewer agencies at a time (choose them at the last step).'],
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: ['Bảng quá lớn để đọc một lần', 'Hãy chọn đúng vùng bảng phân công hoặc xoá các dòng, cột trống thừa ở cuối trang tính rồi thử lại.'],
    en: ['The table is too big to read at once', 'Choose the assignment table itself, or delete the empty rows and columns at the end of the sheet, and try again.'],
  },
  AccessDenied: {
    vi: ['Trang tính đang bị khoá', 'Trang tính hoặc sổ làm việc đang được bảo vệ (Protect). Hãy bỏ bảo vệ (Review → Unprotect) rồi thử lại.'],
    en: ['The sheet is locked', 'The sheet or workbook is protected. Unprotect it (Review → Unprotect) and try again.'],
  },
  InvalidOperation: {
    vi: ['Excel không cho phép thao tác này', 'Có thể bạn đang sửa một ô (chế độ nhập liệu). Bấm Enter hoặc Esc trong Excel rồi thử lại.'],
    en: ['Excel does not allow this now', 'You may be editing a cell. Press Enter or Esc in Excel and try again.'],
  },
  InsufficientPermissions: {
    vi: ['Không có quyền sửa tệp', 'Tệp đang mở ở chế độ chỉ đọc. Hãy bật chỉnh sửa (Enable Editing) rồi thử lại.'],
    en: ['No permission to edit the file', 'The file is open read-only. Enable editing and try again.'],
  },
  GeneralException: {
    vi: ['Excel báo lỗi', 'Excel gặp lỗi khi xử lý. Hãy lưu tệp, đóng và mở lại ngăn Phân công rồi thử lại.'],
    en: ['Excel reported an error', 'Excel failed while working. Save the file, close and reopen the Phân công pane, and try again.'],
  },
};

export function friendlyError(e: unknown): FriendlyError {
  if (e instanceof UserError && e.key === 'cancelled') return { title: 'Đã dừng', detail: e.message, code: e.key, en: { title: 'Stopped', detail: e.en ?? e.message } };
  if (e instanceof UserError) return { title: 'Không dùng được dữ liệu', detail: e.message, code: e.key, en: { title: 'The data cannot be used', detail: e.en ?? e.message } };
  if (e instanceof WriteFailure) {
    const left = e.leftBehind.length ? ` Hãy xoá các trang tính tạm: ${e.leftBehind.join(', ')}.` : ' Sổ làm việc của bạn giữ nguyên như trước khi chạy.';
    const leftEn = e.leftBehind.length ? ` Delete the temporary sheets: ${e.leftBehind.join(', ')}.` : ' Your workbook is as it was before the run.';
    const inner = friendlyError({ code: e.message.split(':')[0], message: e.message });
    return { title: inner.title, detail: inner.detail + left, code: inner.code, en: { title: inner.en.title, detail: inner.en.detail + leftEn } };
  }
  const err = (e ?? {}) as { code?: string; message?: string; debugInfo?: { code?: string; errorLocation?: string } };
  const code = err.debugInfo?.code ?? err.code ?? 'Unknown';
  const key = Object.hasOwn(BY_CODE, code) ? code : Object.hasOwn(BY_CODE, err.code ?? '') ? err.code! : null;
  const where = err.debugInfo?.errorLocation ? ` (vị trí: ${err.debugInfo.errorLocation})` : '';
  const whereEn = err.debugInfo?.errorLocation ? ` (at: ${err.debugInfo.errorLocation})` : '';
  if (key) {
    const { vi, en } = BY_CODE[key];
    return { title: vi[0], detail: vi[1] + where, code, en: { title: en[0], detail: en[1] + whereEn } };
  }
  return {
    title: 'Đã có lỗi không mong đợi',
    detail: `${err.message ?? String(e)}${where}. Hãy lưu tệp và thử lại; nếu lỗi lặp lại, gửi tệp cho nhóm hỗ trợ.`,
    code,
    en: { title: 'Something unexpected went wrong', detail: `${err.message ?? String(e)}${whereEn}. Save the file and try again; if it happens again, send the file to support.` },
  };
}
