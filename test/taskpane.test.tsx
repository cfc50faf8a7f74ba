/**
 * @jest-environment ./test/stubs/jsdom-env.js
 */
// Component tests: the findings list and the mapping editor; and the Excel path of "click a
// finding → its cell is selected" through the Office adapter on the fake Excel host.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FindingsList } from '../src/taskpane/components/FindingsList';
import { MappingEditor } from '../src/taskpane/components/MappingEditor';
import { RuleSettingsPanel } from '../src/taskpane/components/RuleSettings';
import { RULE_INFO } from '../src/core/validate';
import { STRINGS } from '../src/taskpane/i18n';
import { friendlyError } from '../src/app/errors';
import { checkWorkbookBytes } from '../src/app/files';
import { FakeExcelError } from './fake-excel';
import type { Issue, TableModel } from '../src/core/schemas';
import { readFileSync } from 'fs';
import { join } from 'path';
import { App } from '../src/taskpane/App';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { oddHeaderWorkbook, seed002Workbook } from '../scripts/fixtures';
import { analyze, generate } from '../src/app/usecases';
import type { Registry } from '../src/core/registry';
import { localEngine } from '../src/app/engine';
import type { SessionState } from '../src/taskpane/useSession';
import { TableStep } from '../src/taskpane/steps/TableStep';
import { CheckStep } from '../src/taskpane/steps/CheckStep';
import { QuartersStep } from '../src/taskpane/steps/QuartersStep';
import { AgenciesStep } from '../src/taskpane/steps/AgenciesStep';
import { GenerateStep } from '../src/taskpane/steps/GenerateStep';

const t = STRINGS.vi;
const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const ISSUES: Issue[] = [
  { rule: 'agency.unknown', severity: 'error', cell: 'Phụ lục!C5', message: "Không tìm thấy cơ quan 'Sở Tài chánh' (ô C5) trong danh mục; có phải 'Sở Tài chính'?", suggestion: "Thay bằng 'Sở Tài chính'", fix: { kind: 'replace', cell: 'Phụ lục!C5', from: 'Sở Tài chánh', to: 'Sở Tài chính' }, alias: { agency: 'Sở Tài chính', alias: 'Sở Tài chánh' } },
  { rule: 'structure.stt.missing', severity: 'warning', cell: 'Phụ lục!A7', message: 'Dòng 7 có nhiệm vụ nhưng ô STT A7 để trống; tạm đánh số 2.', fix: { kind: 'set', cell: 'Phụ lục!A7', value: '02' } },
  { rule: 'support.collective', severity: 'info', cell: 'Phụ lục!D8', message: "Ô D8 ghi 'Các đơn vị liên quan'" },
];

describe('FindingsList', () => {
  test('groups by severity with counts; clicking the cell selects it; fix and alias buttons call their actions', () => {
    const onSelect = jest.fn();
    const onFix = jest.fn();
    const onAddAlias = jest.fn();
    wrap(<FindingsList issues={ISSUES} t={t} busy={false} onSelect={onSelect} onFix={onFix} onAddAlias={onAddAlias} />);
    expect(screen.getByTestId('count-error').textContent).toBe('Lỗi: 1');
    expect(screen.getByTestId('count-warning').textContent).toBe('Cảnh báo: 1');
    expect(screen.getByTestId('count-info').textContent).toBe('Lưu ý: 1');
    fireEvent.click(screen.getByRole('button', { name: 'Đến ô C5' }));
    expect(onSelect).toHaveBeenCalledWith('Phụ lục!C5');
    fireEvent.click(screen.getByRole('button', { name: "Sửa: Thay bằng 'Sở Tài chính'" }));
    expect(onFix).toHaveBeenCalledWith([ISSUES[0]]);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm làm tên gọi khác' }));
    expect(onAddAlias).toHaveBeenCalledWith(ISSUES[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Sửa tất cả (2)' }));
    expect(onFix).toHaveBeenLastCalledWith([ISSUES[0], ISSUES[1]]);
  });

  test('English counts say one warning in the singular', () => {
    wrap(<FindingsList issues={ISSUES} t={STRINGS.en} busy={false} onSelect={jest.fn()} onFix={jest.fn()} onAddAlias={jest.fn()} />);
    expect(screen.getByTestId('count-warning').textContent).toBe('Warning: 1');
    expect(STRINGS.en.severityCount('error', 2)).toBe('Errors: 2');
  });

  test('the filter narrows the list; no findings says so', () => {
    wrap(<FindingsList issues={ISSUES} t={t} busy={false} onSelect={jest.fn()} onFix={jest.fn()} onAddAlias={jest.fn()} />);
    fireEvent.change(screen.getByLabelText(t.filter), { target: { value: 'A7' } });
    expect(screen.getAllByTestId('finding')).toHaveLength(1);
    render(<FindingsList issues={[]} t={t} busy={false} onSelect={jest.fn()} onFix={jest.fn()} onAddAlias={jest.fn()} />);
    expect(screen.getByText(t.noFindings)).toBeTruthy();
  });
});

describe('RuleSettingsPanel', () => {
  test('lists every rule; switching one off and re-grading another saves an entry for every rule', () => {
    const onSave = jest.fn();
    wrap(<RuleSettingsPanel rules={RULE_INFO} settings={{}} t={t} busy={false} onSave={onSave} />);
    fireEvent.click(screen.getByTestId('rules-toggle'));
    expect(screen.getAllByTestId(/^rule-[a-z]/)).toHaveLength(RULE_INFO.length);
    const save = screen.getByRole('button', { name: t.saveSettings }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tên viết tắt' }));
    fireEvent.change(screen.getByLabelText(t.ruleSeverity('Thiếu thời gian thực hiện')), { target: { value: 'error' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    const saved = onSave.mock.calls[0][0];
    expect(Object.keys(saved).sort()).toEqual(RULE_INFO.map((r) => r.id).sort());
    expect(saved['agency.abbreviation']).toEqual({ enabled: false });
    expect(saved['time.missing']).toEqual({ enabled: true, severity: 'error' });
    expect(saved['agency.unknown']).toEqual({ enabled: true });
  });

  test('shows what the workbook holds, and "back to defaults" undoes it', () => {
    const onSave = jest.fn();
    wrap(<RuleSettingsPanel rules={RULE_INFO} settings={{ 'support.collective': { enabled: false }, 'lead.multiple': { enabled: true, severity: 'info' } }} t={t} busy={false} onSave={onSave} />);
    expect(screen.getByTestId('rules-toggle').textContent).toContain('1 quy tắc đang tắt');
    fireEvent.click(screen.getByTestId('rules-toggle'));
    expect((screen.getByRole('checkbox', { name: 'Phối hợp ghi chung chung' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText(t.ruleSeverity('Nhiều cơ quan chủ trì')) as HTMLSelectElement).value).toBe('info');
    fireEvent.click(screen.getByRole('button', { name: t.resetSettings }));
    fireEvent.click(screen.getByRole('button', { name: t.saveSettings }));
    expect(onSave.mock.calls[0][0]['support.collective']).toEqual({ enabled: true });
    expect(onSave.mock.calls[0][0]['lead.multiple']).toEqual({ enabled: true });
  });
});

describe('MappingEditor', () => {
  const table: TableModel = { sheet: 'Phụ lục', headerRow: 5, headerRows: 1, firstRow: 6, lastRow: 12, firstCol: 1, lastCol: 5, columns: { stt: 1, task: 2, lead: 3, support: 4, time: 5 } };
  test('shows the detected mapping, applies a changed column and the plan year', () => {
    const onApply = jest.fn();
    wrap(<MappingEditor table={table} planYear={2018} yearFromTitle t={t} busy={false} onApply={onApply} />);
    const lead = screen.getByTestId('map-lead') as HTMLSelectElement;
    expect(lead.value).toBe('3');
    fireEvent.change(screen.getByTestId('map-time'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText(t.planYear), { target: { value: '2024' } });
    fireEvent.click(screen.getByRole('button', { name: t.apply }));
    expect(onApply).toHaveBeenCalledWith({ stt: 1, task: 2, lead: 3, support: 4, time: 6 }, 2024);
  });
  test('a bad year disables Apply', () => {
    wrap(<MappingEditor table={table} planYear={2018} yearFromTitle={false} t={t} busy={false} onApply={jest.fn()} />);
    fireEvent.change(screen.getByLabelText(t.planYear), { target: { value: '20' } });
    expect((screen.getByRole('button', { name: t.apply }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('errors from Excel become a Vietnamese message with what to do', () => {
  test.each([
    ['RequestPayloadSizeLimitExceeded', /5 MB/],
    ['AccessDenied', /bảo vệ/],
    ['InvalidArgument', /31 ký tự/],
  ])('%s', (code, re) => {
    const f = friendlyError(new FakeExcelError(code, 'x'));
    expect(f.code).toBe(code);
    expect(f.detail).toMatch(re);
  });

  test('and in English, for every Excel code and for our own errors about files', async () => {
    for (const code of ['InvalidArgument', 'ItemAlreadyExists', 'ItemNotFound', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'AccessDenied', 'InvalidOperation', 'InsufficientPermissions', 'GeneralException']) {
      const f = friendlyError(new FakeExcelError(code, 'x'));
      expect(f.en.title).not.toBe(f.title);
      expect(f.en.detail.replace(/Phân công/g, '')).not.toMatch(/[ăâđêôơư]/i);
    }
    let caught: unknown = null;
    try {
      checkWorkbookBytes(new TextEncoder().encode('%PDF-1.7 …'), 'ke-hoach.pdf');
    } catch (e) {
      caught = e;
    }
    const f = friendlyError(caught);
    expect(f.detail).toMatch(/là tệp PDF/);
    expect(f.en.detail).toBe('The file "ke-hoach.pdf" is a PDF, not an Excel workbook: use the .xlsx of the assignment table (or copy the table into Excel and save it as .xlsx).');
  });
});

describe('Nhập từ văn bản (issue 16)', () => {
  test('paste the plan, see what was found, confirm: a new workbook holds the table and the steps read it', async () => {
    let made: XlsxWorkbook | null = null;
    const newWorkbook = async (name: string) => {
      made = XlsxWorkbook.empty();
      const wb = made;
      return { port: wb, mode: 'standalone' as const, fileName: name, save: () => wb.save() };
    };
    render(<App session={null} lang="vi" dark={false} unsupported={[]} openFile={jest.fn()} newWorkbook={newWorkbook} />);
    fireEvent.click(screen.getByTestId('import-open'));
    const text = readFileSync(join(__dirname, 'fixtures', 'real', 'seeds', '000_0acecf4bda859265.txt'), 'utf8');
    fireEvent.change(screen.getByTestId('import-text'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: t.importRead }));
    expect((await screen.findByTestId('import-found', {}, { timeout: 5000 })).textContent).toContain('Tìm thấy 20 nhiệm vụ');
    expect(screen.getByText('Sở Thông tin và Truyền thông: 11')).toBeTruthy(); // most first
    expect(screen.getByText('Sở Tài chính: 1')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('table-summary', {}, { timeout: 5000 })).textContent).toContain('"Phụ lục"');
    expect(screen.getByTestId('imported').textContent).toContain('20 nhiệm vụ');
    expect(made).not.toBeNull();
    const snap = await made!.read({ extra: [] });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });

  test('nothing to import: the reason shows, nothing is written', async () => {
    const newWorkbook = jest.fn();
    render(<App session={null} lang="vi" dark={false} unsupported={[]} openFile={jest.fn()} newWorkbook={newWorkbook} />);
    fireEvent.click(screen.getByTestId('import-open'));
    fireEvent.change(screen.getByTestId('import-text'), { target: { value: 'I. MỤC ĐÍCH\nTăng cường thông tin.' } });
    fireEvent.click(screen.getByRole('button', { name: t.importRead }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(/Không tìm thấy phần phân công/);
    expect(newWorkbook).not.toHaveBeenCalled();
  });

  test('in English, the reason is in English', async () => {
    render(<App session={null} lang="en" dark={false} unsupported={[]} openFile={jest.fn()} newWorkbook={jest.fn()} />);
    fireEvent.click(screen.getByTestId('import-open'));
    fireEvent.change(screen.getByTestId('import-text'), { target: { value: 'I. MỤC ĐÍCH\nTăng cường thông tin.' } });
    fireEvent.click(screen.getByRole('button', { name: STRINGS.en.importRead }));
    const alert = (await screen.findByRole('alert', {}, { timeout: 5000 })).textContent ?? '';
    expect(alert).toMatch(/The data cannot be used.*no assignment part was found/);
  });
});

describe('Mở thành sổ mới (issue 17, in Excel)', () => {
  test('choose an agency, open its workbook: Excel gets the agency sheet alone with the plan marker', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    await generate(wb, await analyze(wb));
    const opened: Uint8Array[] = [];
    const session = {
      port: wb,
      mode: 'office' as const,
      files: {
        sheetWorkbooks: (list: { sheet: string; registry: Registry }[]) => Promise.all(list.map((o) => wb.sheetWorkbook(o.sheet, o.registry))),
        readReturned: jest.fn(),
        firstSheetRows: jest.fn(),
        openAsNewWorkbook: async (bytes: Uint8Array) => void opened.push(bytes),
      },
    };
    render(<App session={session} lang="vi" dark={false} unsupported={[]} />);
    await screen.findByTestId('table-summary', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('step-generate'));
    fireEvent.change(await screen.findByTestId('open-agency'), { target: { value: 'Công an tỉnh' } });
    fireEvent.click(screen.getByTestId('open-new'));
    expect((await screen.findByText(/Đã mở sổ làm việc mới chứa trang tính "Công an tỉnh"/, {}, { timeout: 5000 })).textContent).toBeTruthy();
    expect(opened).toHaveLength(1);
    const back = await XlsxWorkbook.load(opened[0]);
    const snap = await back.read({ extra: [] });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Công an tỉnh', 'PhanCong_Registry']);
    expect(snap.registry?.distribution).toMatchObject({ agency: 'Công an tỉnh', sheet: 'Công an tỉnh' });
  });
});

describe('a table whose header is not recognised (issue 18)', () => {
  async function oddWorkbook(): Promise<XlsxWorkbook> {
    return XlsxWorkbook.load(new Uint8Array((await oddHeaderWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
  }

  test('choose the header row and the columns (by their header text), see the tasks, read the table', async () => {
    const wb = await oddWorkbook();
    render(<App session={{ port: wb, mode: 'standalone', fileName: 'x.xlsx', save: () => wb.save() }} lang="vi" dark={false} unsupported={[]} />);
    await screen.findByTestId('manual-mapping', {}, { timeout: 5000 });
    fireEvent.change(screen.getByTestId('manual-header'), { target: { value: '2' } });
    // the options name each column by its header
    expect([...(screen.getByTestId('manual-task') as HTMLSelectElement).options].map((o) => o.textContent)).toContain('B — Việc cần làm');
    fireEvent.change(screen.getByTestId('manual-task'), { target: { value: '2' } });
    expect(screen.getByTestId('manual-preview').textContent).toMatch(/Cần chọn ít nhất cột Tên nhiệm vụ và cột Cơ quan chủ trì/);
    fireEvent.change(screen.getByTestId('manual-lead'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('manual-time'), { target: { value: '5' } });
    expect(screen.getByTestId('manual-preview').textContent).toMatch(/Đọc được 2 nhiệm vụ/);
    expect(screen.getByTestId('manual-preview').textContent).toContain('Tuyên truyền pháp luật — Sở Tư pháp');
    // one role per column: giving C to "support" takes it from "lead"
    fireEvent.change(screen.getByTestId('manual-support'), { target: { value: '3' } });
    expect((screen.getByTestId('manual-lead') as HTMLSelectElement).value).toBe('');
    fireEvent.change(screen.getByTestId('manual-lead'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('manual-support'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('manual-read'));
    expect((await screen.findByTestId('table-summary', {}, { timeout: 5000 })).textContent).toMatch(/2 nhiệm vụ/);
  });
});

describe('ignoring a finding in this workbook (issue 18)', () => {
  test('"Bỏ qua" leaves it out of the check and the workbook keeps it; "Hiện lại" brings it back', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    render(<App session={{ port: wb, mode: 'standalone', fileName: 'x.xlsx', save: () => wb.save() }} lang="vi" dark={false} unsupported={[]} />);
    await screen.findByTestId('table-summary', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('step-check'));
    const before = screen.getAllByTestId('finding').length;
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ qua phát hiện ở ô A7 trong sổ này' }));
    expect((await screen.findByTestId('ignored', {}, { timeout: 5000 })).textContent).toContain('1 phát hiện đã được bỏ qua trong sổ này.');
    expect(screen.getAllByTestId('finding')).toHaveLength(before - 1);
    // kept in the workbook: a fresh read leaves it out too
    const again = await analyze(await XlsxWorkbook.load(await wb.save()));
    expect(again.ignored).toBe(1);
    expect(again.issues.some((i) => i.cell.endsWith('!A7') && i.rule === 'structure.stt.missing')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Hiện lại' }));
    await waitFor(() => expect(screen.queryByTestId('ignored')).toBeNull(), { timeout: 5000 });
    expect(screen.getAllByTestId('finding')).toHaveLength(before);
  });
});

describe('the steps, each on its own, from what the use-cases computed (issue 18)', () => {
  async function stepState() {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    const view = await localEngine(wb).analyze({ year: null, master: null });
    const actions = { refresh: jest.fn(), fillQuarters: jest.fn(), generate: jest.fn(), insertMaster: jest.fn(), loadMaster: jest.fn(), cellWindow: jest.fn(), select: jest.fn(), fix: jest.fn(), ignore: jest.fn(), addAlias: jest.fn(), restoreIgnored: jest.fn(), saveSettings: jest.fn() };
    const state = { session: { port: wb, mode: 'standalone' }, analysis: view, busy: null, notice: null, quarters: null, generated: null, collected: null, actions } as unknown as SessionState;
    return { view, state, actions };
  }

  test('Bảng: the table, its range and its task count', async () => {
    const { view, state } = await stepState();
    wrap(<TableStep t={t} state={state} />);
    expect(screen.getByTestId('table-summary').textContent).toBe(t.tableFound('Phụ lục', view.tableRange, view.taskCount));
    expect(view.taskCount).toBe(25);
  });

  test('Kiểm tra: each card shows its task and its cell, from the view', async () => {
    const { view, state } = await stepState();
    wrap(<CheckStep t={t} state={state} />);
    const cards = screen.getAllByTestId('finding');
    expect(cards).toHaveLength(view.issues.length);
    const k = view.contexts.findIndex((c) => c.title);
    expect(screen.getAllByTestId('finding-task').some((x) => x.textContent?.includes(view.contexts[k].title!))).toBe(true);
  });

  test('Lịch quý: one preview row per table row; "Điền" asks the use-case', async () => {
    const { view, state, actions } = await stepState();
    wrap(<QuartersStep t={t} state={state} />);
    expect(screen.getByTestId('quarters-preview').querySelectorAll('tbody tr')).toHaveLength(view.quarterRows.length);
    fireEvent.click(screen.getByTestId('fill-quarters'));
    expect(actions.fillQuarters).toHaveBeenCalledWith(false);
  });

  test('Cơ quan: the count and the master list in use', async () => {
    const { view, state } = await stepState();
    wrap(<AgenciesStep t={t} state={state} />);
    expect(screen.getByText(t.agencyCount(view.agencyCount))).toBeTruthy();
    expect(screen.getByText(t.masterSource[view.master.source])).toBeTruthy();
  });

  test('Tạo sheet: the agencies to choose follow "giao cả nhiệm vụ ghi chung"; generating for some sends only those', async () => {
    const { view, state, actions } = await stepState();
    wrap(<GenerateStep t={t} state={state} />);
    const boxes = () => screen.getAllByRole('checkbox').length - 2; // the two above the list
    expect(boxes()).toBe(view.agencyChoices.expanded.length);
    fireEvent.click(screen.getByLabelText(t.expandCollectives));
    expect(boxes()).toBe(view.agencyChoices.named.length);
    fireEvent.click(screen.getByLabelText(view.agencyChoices.named[0]));
    fireEvent.click(screen.getByTestId('generate'));
    expect(actions.generate).toHaveBeenCalledWith({ only: view.agencyChoices.named.slice(1), expandCollectives: false, force: false });
  });
});
