// Findings carry their message by id and data: the Vietnamese text is the catalog's, and the English one
// holds no Vietnamese of its own (the plan's names and phrases, quoted, are data and stay as written).
import { analyze } from '../../src/app/usecases';
import { MESSAGES, render } from '../../src/core/messages';
import { seed002Workbook } from '../../scripts/fixtures';
import { xlsxPort } from '../helpers';
import ExcelJS from 'exceljs';

/** Vietnamese letters outside quoted data and cell references. */
function vietnameseLeft(s: string): string[] {
  const bare = s.replace(/'[^']*'|"[^"]*"|“[^”]*”|Phân công/g, '').replace(/\b[A-Z]{1,3}\d+\b/g, '');
  return bare.match(/[\p{L}]*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ][\p{L}]*/giu) ?? [];
}

async function findings() {
  const wb = seed002Workbook();
  // more kinds of findings than the seed has: a gap, an empty task, a misspelt and an unknown name, an unreadable time
  const ws = wb.getWorksheet('Phụ lục') as ExcelJS.Worksheet;
  const last = ws.rowCount;
  ws.getRow(last + 1).values = ['40', '', 'Sở Tài chánh', 'Ban Quản lý Vịnh Hạ Long', 'khi có yêu cầu của cấp trên'];
  ws.getRow(last + 2).values = ['40', 'Tổng kết', 'So Noi vu', 'Các đơn vị liên quan', 'Quý V'];
  const port = await xlsxPort(wb);
  return (await analyze(port)).issues;
}

describe('messages', () => {
  test('every finding of the sample carries its id and data; the catalog gives back its Vietnamese text', async () => {
    const issues = await findings();
    expect(new Set(issues.map((i) => i.rule)).size).toBeGreaterThanOrEqual(8);
    for (const i of issues) {
      expect(i.text).toBeDefined();
      expect(render(i.text, '', 'vi')).toBe('');
      expect(MESSAGES[i.text!.id as keyof typeof MESSAGES].vi(i.text!.params)).toBe(i.message);
      if (i.suggestion) expect(MESSAGES[i.suggestionText!.id as keyof typeof MESSAGES].vi(i.suggestionText!.params)).toBe(i.suggestion);
    }
  });

  test('in English, findings and suggestions hold no Vietnamese words of their own', async () => {
    for (const i of await findings()) {
      const en = render(i.text, i.message, 'en');
      expect(en).not.toBe(i.message);
      expect({ en, left: vietnameseLeft(en) }).toEqual({ en, left: [] });
      if (i.suggestion) expect(vietnameseLeft(render(i.suggestionText, i.suggestion, 'en'))).toEqual([]);
    }
  });

  test('every template renders in both languages from its own data', () => {
    const p = new Proxy({}, { get: (_t, k) => `«${String(k)}»` }) as Record<string, string>;
    for (const [id, m] of Object.entries(MESSAGES)) {
      expect([id, m.vi(p).includes('undefined'), m.en(p).includes('undefined')]).toEqual([id, false, false]);
      expect([id, vietnameseLeft(m.en(p).replace(/«[^»]*»/g, ''))]).toEqual([id, []]);
    }
  });
});
