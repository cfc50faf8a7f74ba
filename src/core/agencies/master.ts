// Master list files (CSV, .xlsx first sheet, or the workbook's "Danh mục cơ quan" sheet):
// rows → a validated MasterList, with clear Vietnamese messages.
import { foldKey, normalizeText } from '../text';
import { AgencyGroupSchema, MasterListSchema, type Agency, type MasterList } from '../schemas';

export const MASTER_SHEET = 'Danh mục cơ quan';

const HEADERS: Record<string, keyof Agency> = {
  'ten co quan': 'name',
  name: 'name',
  'ten viet tat': 'short',
  short: 'short',
  'ten goi khac': 'aliases',
  aliases: 'aliases',
  nhom: 'group',
  group: 'group',
  'co quan ke thua': 'successor',
  successor: 'successor',
  'hieu luc den': 'validTo',
  valid_to: 'validTo',
  'hieu luc tu': 'validFrom',
  valid_from: 'validFrom',
};

const GROUP_VI: Record<string, string> = {
  so: 'department',
  'so, ban, nganh': 'department',
  'dia phuong': 'locality',
  'bao chi': 'press',
  dang: 'party',
  'doan the': 'mass_org',
  'luc luong vu trang': 'armed',
  'trung uong': 'central',
  khac: 'other',
};

/** Own keys only: a header or group typed as "constructor" must not reach Object.prototype. */
function own<V>(o: Record<string, V>, k: string): V | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

export class MasterListError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Parse CSV text (RFC 4180 quotes, comma or semicolon separated). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (q) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === sep) {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function toDate(v: string): string | undefined {
  const s = v.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return s; // left as is: the schema reports it
}

/** Rows (header first) → MasterList. Throws MasterListError with every problem found. */
export function masterFromRows(rows: string[][], origin: string): MasterList {
  if (rows.length === 0) throw new MasterListError([`${origin}: danh mục cơ quan trống.`]);
  const header = rows[0].map((h) => own(HEADERS, foldKey(h).replace(/\s+/g, ' ').trim()) ?? null);
  if (!header.includes('name')) throw new MasterListError([`${origin}: không thấy cột "Tên cơ quan" (hoặc "name") ở dòng tiêu đề.`]);
  const problems: string[] = [];
  const agencies: Agency[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const rec: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h) rec[h] = normalizeText(r[j] ?? '');
    });
    if (!rec.name) {
      if (Object.values(rec).some(Boolean)) problems.push(`${origin}, dòng ${line}: thiếu tên cơ quan.`);
      return;
    }
    const g = foldKey(rec.group ?? '');
    const group = AgencyGroupSchema.safeParse(g ? (own(GROUP_VI, g) ?? g) : 'other');
    if (!group.success) {
      problems.push(`${origin}, dòng ${line}: nhóm "${rec.group}" không hợp lệ (dùng: department, locality, press, party, mass_org, armed, central, other).`);
      return;
    }
    const a: Agency = { name: rec.name, group: group.data, aliases: (rec.aliases ?? '').split(';').map((x) => x.trim()).filter(Boolean) };
    if (rec.short) a.short = rec.short;
    if (rec.successor) a.successor = rec.successor;
    const vt = toDate(rec.validTo ?? '');
    if (vt) a.validTo = vt;
    const vf = toDate(rec.validFrom ?? '');
    if (vf) a.validFrom = vf;
    agencies.push(a);
  });
  const parsed = MasterListSchema.safeParse({ agencies, origin });
  if (!parsed.success) {
    for (const iss of parsed.error.issues) {
      const path = iss.path.join('.');
      problems.push(/^agencies\.\d+\.(validTo|validFrom)$/.test(path) ? `${origin}: ngày "Hiệu lực" phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd (${path}).` : `${origin}: ${iss.message}`);
    }
  }
  // successor loops: A → B → A
  const byName = new Map(agencies.map((a) => [a.name, a]));
  for (const a of agencies) {
    const seen = new Set<string>([a.name]);
    let cur = a.successor ? byName.get(a.successor) : undefined;
    while (cur) {
      if (seen.has(cur.name)) {
        problems.push(`${origin}: vòng lặp cơ quan kế thừa bắt đầu từ "${a.name}" (${[...seen].join(' → ')} → ${cur.name}).`);
        break;
      }
      seen.add(cur.name);
      cur = cur.successor ? byName.get(cur.successor) : undefined;
    }
  }
  if (problems.length) throw new MasterListError([...new Set(problems)]);
  return { agencies, origin };
}

/** A master list as rows, for writing the built-in list into the workbook as an editable sheet. */
export function masterToRows(m: MasterList): string[][] {
  const rows = [['Tên cơ quan', 'Tên viết tắt', 'Tên gọi khác', 'Nhóm', 'Cơ quan kế thừa', 'Hiệu lực đến', 'Hiệu lực từ']];
  for (const a of m.agencies) rows.push([a.name, a.short ?? '', a.aliases.join('; '), a.group, a.successor ?? '', a.validTo ?? '', a.validFrom ?? '']);
  return rows;
}

/** Add an alias to an agency (the user confirmed a fuzzy match). */
export function withAlias(m: MasterList, agency: string, alias: string): MasterList {
  return {
    ...m,
    agencies: m.agencies.map((a) => (a.name === agency && !a.aliases.includes(alias) ? { ...a, aliases: [...a.aliases, alias] } : a)),
  };
}
