// Errors from Excel (OfficeExtension.Error: code, message, debugInfo) and from our own use-cases,
// turned into a Vietnamese message that says what to do. Never a blank pane.
import { WriteFailure } from '../port/workbook';
import { UserError } from './usecases';

export interface FriendlyError {
  title: string;
  detail: string;
  code: string;
}

const BY_CODE: Record<string, [string, string]> = {
  InvalidArgument: ['Excel không nhận dữ liệu', 'Một giá trị hoặc tên sheet không hợp lệ. Hãy kiểm tra tên sheet (không quá 31 ký tự, không chứa [ ] : * ? / \\) rồi thử lại.'],
  ItemAlreadyExists: ['Tên sheet đã có', 'Đã có sheet trùng tên. Hãy đổi tên sheet của bạn hoặc chạy lại để Phân công chọn tên khác.'],
  ItemNotFound: ['Không tìm thấy sheet hoặc ô', 'Sheet hoặc vùng ô đã bị xoá, đổi tên trong lúc chạy. Bấm "Đọc lại bảng" rồi thử lại.'],
  RequestPayloadSizeLimitExceeded: ['Dữ liệu gửi quá lớn', 'Excel trên web giới hạn mỗi lần gửi 5 MB. Hãy tạo sheet cho ít cơ quan hơn mỗi lần (chọn cơ quan ở bước Tạo sheet).'],
  ResponsePayloadSizeLimitExceeded: ['Bảng quá lớn để đọc một lần', 'Hãy chọn đúng vùng bảng phân công hoặc xoá các dòng, cột trống thừa ở cuối sheet rồi thử lại.'],
  AccessDenied: ['Sheet đang bị khoá', 'Sheet hoặc sổ làm việc đang được bảo vệ (Protect). Hãy bỏ bảo vệ (Review → Unprotect) rồi thử lại.'],
  InvalidOperation: ['Excel không cho phép thao tác này', 'Có thể bạn đang sửa một ô (chế độ nhập liệu). Bấm Enter hoặc Esc trong Excel rồi thử lại.'],
  InsufficientPermissions: ['Không có quyền sửa tệp', 'Tệp đang mở ở chế độ chỉ đọc. Hãy bật chỉnh sửa (Enable Editing) rồi thử lại.'],
  GeneralException: ['Excel báo lỗi', 'Excel gặp lỗi khi xử lý. Hãy lưu tệp, đóng và mở lại ngăn Phân công rồi thử lại.'],
};

export function friendlyError(e: unknown): FriendlyError {
  if (e instanceof UserError) return { title: 'Không dùng được dữ liệu', detail: e.message, code: e.key };
  if (e instanceof WriteFailure) {
    const left = e.leftBehind.length ? ` Hãy xoá các sheet tạm: ${e.leftBehind.join(', ')}.` : ' Sổ làm việc của bạn giữ nguyên như trước khi chạy.';
    const inner = friendlyError({ code: e.message.split(':')[0], message: e.message });
    return { title: inner.title, detail: inner.detail + left, code: inner.code };
  }
  const err = (e ?? {}) as { code?: string; message?: string; debugInfo?: { code?: string; errorLocation?: string } };
  const code = err.debugInfo?.code ?? err.code ?? 'Unknown';
  const hit = Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : Object.hasOwn(BY_CODE, err.code ?? '') ? BY_CODE[err.code!] : undefined;
  const where = err.debugInfo?.errorLocation ? ` (vị trí: ${err.debugInfo.errorLocation})` : '';
  if (hit) return { title: hit[0], detail: hit[1] + where, code };
  return { title: 'Đã có lỗi không mong đợi', detail: `${err.message ?? String(e)}${where}. Hãy lưu tệp và thử lại; nếu lỗi lặp lại, gửi tệp cho nhóm hỗ trợ.`, code };
}
