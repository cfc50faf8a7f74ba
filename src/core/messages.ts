// What a finding says, by message id and data, in Vietnamese and English. The core builds every finding
// through `say` / `sayFix`: the Vietnamese text is the finding's `message` (the CLI prints it); the id and
// its data travel with it, so the pane renders the finding in the language it shows. Names, cells and
// the plan's own words are data: they stay as written.
import { z } from 'zod';

export type Params = Record<string, string | number>;
type Template = (p: Params) => string;

export const TextSchema = z.object({ id: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type Text = z.infer<typeof TextSchema>;

const t = (vi: Template, en: Template) => ({ vi, en });

export const MESSAGES = {
  'stt.gap': t(
    (p) => `STT ${p.stt} ở ô ${p.cell} đứng sau STT ${p.prev}: thiếu số ${p.missing}.`,
    (p) => `No. ${p.stt} in ${p.cell} follows No. ${p.prev}: ${p.missing} is missing.`,
  ),
  'task.empty': t(
    (p) => `Ô ${p.cell} chưa có tên nhiệm vụ (dòng ${p.row}).`,
    (p) => `Cell ${p.cell} has no task name (row ${p.row}).`,
  ),
  'lead.missing': t(
    (p) => `Nhiệm vụ ${p.task} chưa có cơ quan chủ trì (ô ${p.cell}).`,
    (p) => `Task ${p.task} has no lead agency (cell ${p.cell}).`,
  ),
  'lead.many': t(
    (p) => `Ô ${p.cell} giao ${p.n} cơ quan cùng chủ trì (${p.names}): mỗi nhiệm vụ nên có một cơ quan chủ trì, các cơ quan còn lại phối hợp.`,
    (p) => `Cell ${p.cell} gives the lead to ${p.n} agencies ('${p.names}'): a task should have one lead, the others support it.`,
  ),
  'agency.unknown.near': t(
    (p) => `Không tìm thấy cơ quan '${p.name}' (ô ${p.cell}) trong danh mục; có phải '${p.best}'?`,
    (p) => `'${p.name}' (cell ${p.cell}) is not in the master list; did you mean '${p.best}'?`,
  ),
  'agency.unknown': t(
    (p) => `Không tìm thấy cơ quan '${p.name}' (ô ${p.cell}) trong danh mục.`,
    (p) => `'${p.name}' (cell ${p.cell}) is not in the master list.`,
  ),
  'agency.fuzzy': t(
    (p) => `Tên '${p.name}' (ô ${p.cell}) chưa đúng tên chính thức '${p.agency}'.`,
    (p) => `'${p.name}' (cell ${p.cell}) is not the official name '${p.agency}'.`,
  ),
  'agency.fuzzy.unmarked': t(
    (p) => `Tên '${p.name}' (ô ${p.cell}) viết không dấu, chưa đúng tên chính thức '${p.agency}'.`,
    (p) => `'${p.name}' (cell ${p.cell}) is written without diacritics and is not the official name '${p.agency}'.`,
  ),
  'agency.abbreviation': t(
    (p) => `'${p.name}' (ô ${p.cell}) là tên viết tắt của '${p.agency}': văn bản trình UBND nên ghi tên đầy đủ.`,
    (p) => `'${p.name}' (cell ${p.cell}) abbreviates '${p.agency}': a document for the People’s Committee should give the full name.`,
  ),
  'agency.ended': t(
    (p) => `'${p.agency}' (ô ${p.cell}) không còn từ sau ngày ${p.date}; cơ quan kế thừa: '${p.current}'.${p.partial ? ` Lưu ý: phần việc ${p.partial} — chọn cơ quan theo nội dung nhiệm vụ.` : ''}`,
    (p) => `'${p.agency}' (cell ${p.cell}) no longer exists after ${p.date}; its successor: '${p.current}'.${p.partial ? ` Note: ${p.partialEn} — choose the agency by what the task is.` : ''}`,
  ),
  'agency.replaced': t(
    (p) => `'${p.agency}' (ô ${p.cell}) đã được thay thế; cơ quan kế thừa: '${p.current}'.${p.partial ? ` Lưu ý: phần việc ${p.partial} — chọn cơ quan theo nội dung nhiệm vụ.` : ''}`,
    (p) => `'${p.agency}' (cell ${p.cell}) has been replaced; its successor: '${p.current}'.${p.partial ? ` Note: ${p.partialEn} — choose the agency by what the task is.` : ''}`,
  ),
  'agency.leadAndSupport': t(
    (p) => `'${p.agency}' vừa chủ trì (ô ${p.lead}) vừa phối hợp (ô ${p.support}) nhiệm vụ ${p.task}.`,
    (p) => `'${p.agency}' both leads (cell ${p.lead}) and supports (cell ${p.support}) task ${p.task}.`,
  ),
  'support.collective': t(
    (p) => `Ô ${p.cell} ghi '${p.name}': không chỉ rõ cơ quan nào phối hợp, nên nhiệm vụ này không được đưa vào trang tính của cơ quan phối hợp nào.`,
    (p) => `Cell ${p.cell} says '${p.name}': it names no agency, so the task goes to no supporting agency's sheet.`,
  ),
  'time.missing': t(
    (p) => `Nhiệm vụ ${p.task} chưa có thời gian thực hiện (ô ${p.cell}).`,
    (p) => `Task ${p.task} has no time (cell ${p.cell}).`,
  ),
  'time.unreadable': t(
    (p) => `Không xác định được quý từ '${p.text}' (ô ${p.cell}); cột Quý của nhiệm vụ ${p.task} sẽ để trống.`,
    (p) => `No quarter can be read from '${p.text}' (cell ${p.cell}); the quarter columns of task ${p.task} stay empty.`,
  ),
  'time.partial': t(
    (p) => `Ô ${p.cell}: lịch của nhiệm vụ ${p.task} đọc từ '${p.read}'; phần '${p.unread}' không phải thời gian nên không tính vào cột Quý.`,
    (p) => `Cell ${p.cell}: the schedule of task ${p.task} is read from '${p.read}'; '${p.unread}' is not a time and does not count in the quarter columns.`,
  ),
  'time.outsideYear': t(
    (p) => `Thời gian '${p.text}' (ô ${p.cell}) nằm ngoài năm kế hoạch ${p.year} (năm ${p.years}).`,
    (p) => `Time '${p.text}' (cell ${p.cell}) is outside the plan year ${p.year} (year ${p.years}).`,
  ),
  'task.duplicate': t(
    (p) => `Nhiệm vụ ${p.task} (ô ${p.cell}) trùng nội dung với nhiệm vụ ${p.first} (ô ${p.firstCell}).`,
    (p) => `Task ${p.task} (cell ${p.cell}) repeats task ${p.first} (cell ${p.firstCell}).`,
  ),
  'cell.error': t(
    (p) => `Ô ${p.cell} chứa lỗi công thức "${p.value}": nội dung không đọc được, cần sửa công thức hoặc nhập lại giá trị.`,
    (p) => `Cell ${p.cell} holds a formula error "${p.value}": it cannot be read; fix the formula or type the value again.`,
  ),
  'stt.missing': t(
    (p) => `Dòng ${p.row} có nhiệm vụ nhưng ô STT ${p.cell} để trống; tạm đánh số ${p.id}.`,
    (p) => `Row ${p.row} has a task but its No. cell ${p.cell} is empty; numbered ${p.id} for now.`,
  ),
  'stt.duplicate': t(
    (p) => `STT ${p.stt} ở ô ${p.cell} trùng với dòng ${p.row}.`,
    (p) => `No. ${p.stt} in ${p.cell} repeats row ${p.row}.`,
  ),
  'subtasks.misaligned': t(
    (p) => `Ô ${p.cell} có ${p.lines} dòng nhưng ô nhiệm vụ ${p.taskCell} có ${p.n} gạch đầu dòng: không ghép được từng dòng với từng nhiệm vụ, nên cả ô được áp dụng cho mọi nhiệm vụ con.`,
    (p) => `Cell ${p.cell} has ${p.lines} lines but the task cell ${p.taskCell} has ${p.n} bullets: they cannot be paired, so the whole cell applies to every sub-task.`,
  ),
  // collecting the files agencies send back
  'collect.notOurs': t(
    (p) => `Tệp "${p.file}" không phải tệp Phân công gửi cho một cơ quan (không có dấu của kế hoạch): không lấy gì từ tệp này.`,
    (p) => `The file "${p.file}" is not one Phân công sent to an agency (it has no plan marker): nothing is taken from it.`,
  ),
  'collect.otherPlan': t(
    (p) => `Tệp "${p.file}" là của kế hoạch khác ("${p.plan}") hoặc bảng nhiệm vụ đã thay đổi từ khi gửi (${p.sent}): không lấy gì từ tệp này.`,
    (p) => `The file "${p.file}" belongs to another plan ("${p.plan}"), or the task table changed since it was sent (${p.sent}): nothing is taken from it.`,
  ),
  'collect.noSheet': t(
    (p) => `Sổ không còn trang tính của "${p.agency}" (tệp "${p.file}"): hãy chạy generate lại rồi thu thập.`,
    (p) => `The workbook no longer has the sheet of "${p.agency}" (file "${p.file}"): make the sheets again, then collect.`,
  ),
  'collect.missingSheet': t(
    (p) => `Tệp "${p.file}" thiếu trang tính "${p.sheet}" đã gửi: không lấy gì từ tệp này.`,
    (p) => `The file "${p.file}" lacks the sheet "${p.sheet}" that was sent: nothing is taken from it.`,
  ),
  'collect.row': t(
    (p) => `dòng ${p.row}: ${p.title}`,
    (p) => `row ${p.row}: "${p.title}"`,
  ),
  'collect.gone': t(
    (p) => `nhiệm vụ ${p.task} (không còn trong sổ)`,
    (p) => `task ${p.task} (no longer in the workbook)`,
  ),
  'collect.column': t(
    (p) => `cột "${p.header}" (cột ${p.col}) cơ quan thêm vào`,
    (p) => `the column "${p.header}" (column ${p.col}) the agency added`,
  ),
  // what a write could not do as asked (the adapters' notes)
  'note.comments': t(
    (p) => `Chú thích (comment) người dùng thêm ở trang tính "${p.sheet}" ô ${p.cells} không còn trên trang tính tạo lại; tệp gốc vẫn giữ, hãy chép lại nếu cần.`,
    (p) => `Comments a person added to the sheet "${p.sheet}" (cells ${p.cells}) are not on the sheet made again; the original file keeps them: copy them over if needed.`,
  ),
  'note.drawing': t(
    (p) => `Hình hoặc biểu đồ người dùng thêm vào trang tính "${p.sheet}" không còn trên trang tính tạo lại; tệp gốc vẫn giữ.`,
    (p) => `Pictures or charts a person added to the sheet "${p.sheet}" are not on the sheet made again; the original file keeps them.`,
  ),
  'note.fitToWidth': t(
    (p) => `Excel chưa áp dụng "vừa một trang ngang" khi in cho ${p.n} trang tính (${p.sheets}): mở thẻ Bố trí trang (Page Layout) một lần rồi tạo lại, hoặc chọn "Fit All Columns on One Page" khi in.`,
    (p) => `Excel did not apply "fit to one page wide" to ${p.n} sheets (${p.sheets}): open the Page Layout tab once and make the sheets again, or choose "Fit All Columns on One Page" when printing.`,
  ),
  // suggestions (what the fix does, or what to do)
  'fix.renumber': t(
    (p) => `Đánh lại số thứ tự thành ${p.value}`,
    (p) => `Renumber to ${p.value}`,
  ),
  'fix.fillStt': t(
    (p) => `Điền số thứ tự ${p.value}`,
    (p) => `Fill in No. ${p.value}`,
  ),
  'fix.replace': t(
    (p) => `Thay bằng '${p.to}'`,
    (p) => `Replace with '${p.to}'`,
  ),
  'fix.replaceOrAlias': t(
    (p) => `Thay bằng '${p.best}' hoặc thêm '${p.name}' làm tên gọi khác của cơ quan đó`,
    (p) => `Replace with '${p.best}', or add '${p.name}' as another name of that agency`,
  ),
  'fix.addToList': t(
    (p) => `Thêm '${p.name}' vào danh mục cơ quan`,
    (p) => `Add '${p.name}' to the master list`,
  ),
  'fix.removeSupport': t(
    (p) => `Bỏ '${p.name}' khỏi cơ quan phối hợp`,
    (p) => `Remove '${p.name}' from the supporting agencies`,
  ),
  'fix.nameSupport': t(
    () => 'Ghi rõ tên các cơ quan phối hợp',
    () => 'Name the supporting agencies',
  ),
  'fix.writeTime': t(
    () => 'Ghi rõ quý, tháng hoặc hạn hoàn thành (ví dụ "Quý III", "trước ngày 15/6")',
    () => 'Write the quarter, month or deadline (e.g. "Quý III", "trước ngày 15/6")',
  ),
  'fix.checkQuarters': t(
    () => 'Kiểm tra cột Quý; nếu cần, tách phần ghi chú sang cột Ghi chú',
    () => 'Check the quarter columns; if need be, move the note to the "Ghi chú" column',
  ),
  'fix.splitLines': t(
    (p) => `Tách ô ${p.cell} thành ${p.n} dòng tương ứng với ${p.n} nhiệm vụ, hoặc gộp thành một dòng chung.`,
    (p) => `Split cell ${p.cell} into ${p.n} lines, one for each of the ${p.n} tasks, or merge them into one line.`,
  ),
} satisfies Record<string, { vi: Template; en: Template }>;

export type MessageId = keyof typeof MESSAGES;
export type Lang = 'vi' | 'en';

/** A finding's message: the Vietnamese text, and its id and data for other languages. */
export function say(id: MessageId, params: Params): { message: string; text: Text } {
  return { message: MESSAGES[id].vi(params), text: { id, params } };
}

/** A finding's suggestion, likewise. */
export function sayFix(id: MessageId, params: Params = {}): { suggestion: string; suggestionText: Text } {
  return { suggestion: MESSAGES[id].vi(params), suggestionText: { id, params } };
}

/** A text in a language; an id this build does not know falls back to the Vietnamese given. */
export function render(text: Text | undefined, fallback: string, lang: Lang): string {
  if (!text || lang === 'vi') return fallback;
  const m = (MESSAGES as Record<string, { vi: Template; en: Template }>)[text.id];
  return m ? m[lang](text.params) : fallback;
}
