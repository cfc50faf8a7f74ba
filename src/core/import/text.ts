// Plan text → task rows. Reads the two prose forms of assignment that real plans use:
//  - labelled blocks: a numbered task followed by "- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …",
//    "- Thời gian thực hiện: …" (any order, with or without the dash, "Đơn vị …" too);
//  - agency-by-agency sections under "TỔ CHỨC THỰC HIỆN" / "PHÂN CÔNG NHIỆM VỤ": "2. Sở …" and
//    its paragraphs or bullets, each a task of that agency, its role following the wording.
// Pure: the caller gives the text and the agency index; the reader never guesses an agency it
// cannot recognise (a heading that is not an agency starts no agency section).
import { foldKey, normalizeText } from '../text';
import { parseMentions } from '../agencies/split';
import { provinceIn } from '../agencies/provinces';
import { beginsName } from '../agencies/collectives';
import type { Mention } from '../schemas';
import type { MatchIndex } from '../agencies/match';
import { parseTime } from '../time';

export interface ImportedTask {
  stt: string;
  title: string;
  lead: string;
  support: string;
  time: string;
  section: string;
  /** Where the task was read: "paragraph N", N the document's line number (1-based). */
  source: string;
}

export interface PlanTitle {
  /** "Số: 93/KH-UBND" → "93/KH-UBND". */
  number: string | null;
  /** The document's name: "KẾ HOẠCH Công tác thông tin đối ngoại năm 2024". */
  title: string | null;
  year: number | null;
  /** The date the document was signed: "Trà Vinh, ngày 12 tháng 12 năm 2023" → "12/12/2023". */
  date: string | null;
  /** The province or city whose document it is ("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH" → "Trà Vinh"). */
  province: string | null;
}

export interface ImportResult {
  tasks: ImportedTask[];
  plan: PlanTitle;
  /** Why nothing was found, in Vietnamese, when `tasks` is empty. */
  empty: string | null;
  /** The heading lines printed above an appendix table ("PHỤ LỤC …", "(Kèm theo Kế hoạch số …)"), as written. */
  titles?: string[];
}

interface Paragraph {
  text: string;
  line: number;
}

const BULLET = /^[-–—+•*]\s*/;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(?=\S)/;
const LETTERED = /^([a-zđ])\)\s+/;
const NUMBER_START = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+)\s+(?=\S)/;
const ROMAN = /^([IVXL]{1,5})[.)]\s+/;
const ARTICLE = /^Điều\s+(\d{1,3})[.:]\s+/;
const LABEL = /^(?:(?:cơ quan|đơn vị)\s+)?(chủ trì|thực hiện|phối hợp|thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ(?: thực hiện)?)\s*:\s*/i;
const ASSIGNING_SECTION = /phan cong|to chuc thuc hien|trach nhiem|nhiem vu cua cac/;
const NOT_TASKS = /muc dich|yeu cau|kinh phi|can cu|quan diem|muc tieu/;
/** The end of the assignments: the closing sentence, the recipients, the signature block. */
const END_OF_ASSIGNMENTS = /^(Trên đây là|Nơi nhận|TM\.|KT\.|Ý kiến bạn đọc)/;
/** The closing charge to everyone: "Yêu cầu Giám đốc các sở, …; Chủ tịch … triển khai thực hiện nghiêm túc Chỉ thị này." */
const CLOSING = /^(Yêu cầu|Đề nghị)\s.*(thực hiện|triển khai|chấp hành).*(Chỉ thị|Kế hoạch|Quyết định|Nghị quyết|Quy chế) này/;
/** A local people's committee named with its place: "UBND huyện Buôn Đôn", "Ủy ban nhân dân xã Ea Súp". */
const LOCAL_COUNCIL = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:các\s+)?(?:huyện|xã|phường|thị xã|thị trấn|thành phố|quận)\s+\p{Lu}/u;
/** A heading that names an organisation by its kind: "Các chủ rừng là tổ chức (…)", "Các doanh nghiệp …". */
const ORG_HEAD = /^(?:(?:Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu)\s+)?(?:Các\s+)?(?:chủ rừng|ban|sở|ủy ban|công ty|doanh nghiệp|tổ chức|đơn vị|cơ quan|trung tâm|hội|đoàn|viện|trường|bệnh viện|kho bạc|ngân hàng|cục|chi cục|phòng|đài|báo|liên đoàn|mặt trận|bộ|tập đoàn|tổng công ty|hợp tác xã|chủ đầu tư)(?=[\s,;:.()]|$)/iu;
/** Words that make a line a sentence about work rather than an agency's name (written in lower case in prose). */
const VERB = /(?<=^|[\s,;(])(tham mưu|triển khai|thực hiện|(?<![Cc]ác |, )tổ chức(?! hữu nghị| chính trị)|xây dựng|hướng dẫn|(?<![Bb]an |cơ quan )quản lý|cung cấp|theo dõi|đôn đốc|quảng bá|đẩy mạnh|trong việc|tiếp tục|kiểm tra|sản xuất|chỉ đạo|rà soát|tuyên truyền|chủ động|dự báo|tăng cường|nghiên cứu|nhằm|trao đổi|giải quyết|hỗ trợ|đánh giá|tổng hợp|báo cáo|tập huấn|phổ biến|bảo đảm|đảm bảo|căn cứ|để|chủ trì|phối hợp|thẩm định|trình|ban hành|lồng ghép|cập nhật|vận động|duy trì|tập trung|quán triệt|xuất cấp)(?=$|[\s,;:.)])/;

/** Blocks of text: blank-line separated with hard wraps joined, or one per line when the text has no blank lines. */
export function paragraphsOf(text: string): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blank = lines.filter((l) => l.trim() === '').length;
  // paragraphs separated by blank lines (markdown, Word's text export): one line in ten or more is blank
  const wrapped = blank * 10 >= lines.length;
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  lines.forEach((raw, i) => {
    const l = raw.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
    if (!l || /^\|?$/.test(l)) {
      cur = null;
      return;
    }
    // a wrapped line may begin with a number ("khoản\n6 Điều 4 …"): a list number has its dot or bracket
    const starts = BULLET.test(l) || NUMBER_START.test(l) || LETTERED.test(l) || ROMAN.test(l) || LABEL.test(l);
    if (wrapped && cur && !starts) {
      cur.text += ' ' + l;
      return;
    }
    cur = { text: l, line: i + 1 };
    out.push(cur);
  });
  for (const p of out) p.text = normalizeText(p.text.replace(/\s+([,.;:])/g, '$1'));
  return out;
}

/** The plan's number, name and year from its first lines. */
export function planTitleOf(paras: Paragraph[]): PlanTitle {
  let number: string | null = null;
  let title: string | null = null;
  let year: number | null = null;
  let date: string | null = null;
  let province: string | null = null;
  for (let i = 0; i < Math.min(paras.length, 60); i++) {
    const t = paras[i].text;
    // "Số: 93 /KH-UBND" → "93/KH-UBND"
    const n = /^Số\s*:\s*([0-9][^\s|,]*)(?:\s+(\/[^\s|,]+))?/i.exec(t);
    if (n && !number) number = n[1] + (n[2] ?? '');
    if (!title && /^(KẾ HOẠCH|CHƯƠNG TRÌNH|CHỈ THỊ|ĐỀ ÁN)\b/.test(t) && t === t.toUpperCase()) {
      const parts = [t];
      for (let k = i + 1; k < paras.length && k < i + 6; k++) {
        const u = paras[k].text;
        // the name under "KẾ HOẠCH" is often written in sentence case: "Công tác thông tin đối ngoại … năm 2024"
        const name = parts.length === 1 && t.length < 40 && u.length < 300 && !/^(Căn cứ|Thực hiện|Theo|Triển khai|Nhằm)\b/.test(u) && !/[;:]$/.test(u) && !NUMBERED.test(u);
        if ((u !== u.toUpperCase() && !name) || ROMAN.test(u) || /^\(/.test(u)) break;
        parts.push(u);
        if (name && u !== u.toUpperCase()) break;
      }
      title = parts.join(' ').replace(/\s+/g, ' ').trim();
    }
    const y = /ngày\s+(\d{1,2})(?:\s+tháng\s+|\/)(\d{1,2})(?:\s+năm\s+|\/)(\d{4})/.exec(t);
    if (y && !year && (n || /^[^|]*,\s*ngày/.test(t))) {
      year = Number(y[3]);
      date = `${y[1].padStart(2, '0')}/${y[2].padStart(2, '0')}/${y[3]}`;
    }
    province ??= provinceIn(normalizeText(t));
  }
  const ty = title ? /NĂM\s+(\d{4})(?!.*NĂM\s+\d{4})/.exec(title) : null;
  if (ty) year = Number(ty[1]);
  return { number, title, year, date, province };
}

/** Text that opens an agency section: "2. Sở Thông tin và Truyền thông", "1. Đề nghị Ban Tuyên giáo Tỉnh ủy". */
function agencyHeading(rest: string, idx: MatchIndex): string | null {
  const name = rest.replace(/^đề nghị\s+/i, '').replace(/[:.;]+$/, '').trim();
  if (!name || name.length > 220 || VERB.test(name)) return null;
  // Unknown names count too: a heading names its agency as the plan does, and `check` asks about it later.
  const mentions = parseMentions(name, idx).filter((m) => m.agency || m.collective || m.status === 'unknown');
  const named = (m: Mention): boolean => {
    const first = m.text.trim().split(/\s+/)[0] ?? '';
    return Boolean(m.agency || m.collective) || beginsName(foldKey(first), first !== first.toLowerCase());
  };
  if (!mentions.some(named)) return null;
  // Everything outside the names is punctuation or a joining word: the heading is only agencies.
  let left = name;
  for (const m of [...mentions].sort((a, b) => (b.start ?? 0) - (a.start ?? 0))) {
    if (m.start === undefined || m.end === undefined) return null;
    left = left.slice(0, m.start) + ' ' + left.slice(m.end);
  }
  const rem = foldKey(left).replace(/\b(va|cac|cung|voi|tinh|khac|co lien quan|lien quan)\b/g, '').replace(/[\s,;:.()-]+/g, '');
  // Only names, or a noun phrase opening with a name ("Báo Đắk Lắk, …; các cơ quan báo chí Trung ương hoạt động trên địa bàn tỉnh").
  return rem.length <= 3 || mentions.some((m) => m.start === 0) ? name : null;
}

/** An item that opens with agencies: "Bộ Tài chính tiếp tục xuất cấp …" (their duty), or "Ủy ban nhân dân các tỉnh, thành phố:" (their duties follow). */
function subjectOf(rest: string, idx: MatchIndex): { name: string; duty: string | null } | null {
  if (/:$/.test(rest)) {
    const head = rest.replace(/:$/, '').trim();
    const name = agencyHeading(head, idx);
    if (name) return { name, duty: null };
    // "Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan:" — a heading that already says the role
    const d = dutyHeading(head, idx);
    return d && /^(Chủ trì|Chỉ đạo)/.test(d.body) ? { name: d.name, duty: null } : null;
  }
  const d = dutyHeading(rest, idx);
  return d && !/^(Giao|Phân cấp cho|Ủy quyền cho)\s/.test(rest) ? { name: d.name, duty: d.body } : null;
}

/** Titles that head an addressee ("Giám đốc Sở …", "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, …"). */
const TITLES = 'Bộ trưởng|Giám đốc|Thủ trưởng|Chủ tịch';

/** The addressee of a heading that goes on: "Sở Xây dựng là cơ quan chuyên môn, tham mưu …" → "Sở Xây dựng". */
function headName(rest: string): string {
  const verb = VERB.exec(rest);
  return (verb && verb.index > 2 ? rest.slice(0, verb.index) : rest)
    .split(/\s+(?:là|có trách nhiệm|chịu trách nhiệm)(?=[\s:,]|$)/)[0]
    .replace(/[\s:.;,]+$/, '')
    .trim();
}

/** "Các sở, ban, ngành liên quan theo chức năng nhiệm vụ được giao phối hợp với …" → the addressee and its duty. */
function dutyHeading(text: string, idx: MatchIndex): { name: string; body: string } | null {
  let rest = text;
  // "Phân cấp cho Ủy ban nhân dân các phường thực hiện …", "Giao Sở Y tế chủ trì …"
  const handed = /^(?:Giao|Phân cấp cho|Ủy quyền cho)\s+/.exec(rest);
  if (handed) {
    const name = givenTo(rest.slice(handed[0].length), idx);
    return name ? { name, body: rest } : null;
  }
  // "Bộ trưởng Bộ Công an có trách nhiệm …": the agency, not its head's title
  const titled = new RegExp(`^(?:${TITLES})\\s+(?=\\p{Lu})`, 'u').exec(rest);
  if (titled && !/^[^,]*,/.test(rest.slice(titled[0].length, titled[0].length + 40))) rest = rest.slice(titled[0].length);
  const leadTitles = new RegExp(`^(?:${TITLES})\\s*,`).test(rest);
  const verb = VERB.exec(rest);
  if (!verb || verb.index < 3) return null;
  const name = headName(rest)
    .replace(/\s*(?:,\s*)?(?:theo|trong phạm vi)\s+(?:chức năng|thẩm quyền)[^,;]*$/i, '')
    .replace(/[\s,;:]+$/, '');
  const all = parseMentions(name, idx).filter((m) => m.agency || m.collective);
  // a group opens with its kind ("Các bộ, …", "Ủy ban nhân dân các tỉnh"), not with a verb read as one
  // heads named by their titles ("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, …, Chủ tịch Ủy ban nhân dân các tỉnh") address their bodies
  if (!leadTitles && (!all.some((m) => m.start === 0 && (m.agency || /^(các|ủy ban|uỷ ban|ubnd|những)\s/i.test(m.text))) || name.length > 160)) return null;
  if (leadTitles && (name.length > 200 || !all.length)) return null;
  const body = rest.slice(verb.index).trim();
  return { name, body: body.charAt(0).toUpperCase() + body.slice(1) };
}

/** "Giao Thanh tra thành phố tổ chức …", "Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo …" → the agency given the duty. */
function givenTo(tail: string, idx: MatchIndex): string {
  const verb = VERB.exec(tail);
  const head = (verb ? tail.slice(0, verb.index) : tail).replace(/[\s,;:]+$/, '');
  const named = namedAfter(tail, idx);
  // the name as the sentence writes it up to its verb ("Thanh tra thành phố"), when it opens with the name read
  if (named && head.startsWith(named) && head.length - named.length <= 20) return head;
  if (named) return named;
  return ORG_HEAD.test(head) && head.length <= 120 ? head : '';
}

/** The agencies named right after "phối hợp với": "Sở Thông tin và Truyền thông, Công an tỉnh và các cơ quan liên quan". */
function namedAfter(tail: string, idx: MatchIndex): string {
  // names the list does not hold count when they open with a council's head ("UBND huyện Buôn Đôn")
  const mentions = parseMentions(tail, idx)
    .filter((m) => (m.agency || m.collective || (m.status === 'unknown' && LOCAL_COUNCIL.test(m.text))) && m.start !== undefined && m.end !== undefined)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  let end = -1;
  let council = false;
  for (const m of mentions) {
    const gap = tail.slice(end < 0 ? 0 : end, m.start);
    const ok = end < 0 ? /^\s*(các\s+)?$/i.test(gap) || gap.trim() === '' : /^[\s,;]*(và|cùng|với)?[\s,;]*$/i.test(gap);
    if (!ok) break;
    end = m.end ?? end;
    council = LOCAL_COUNCIL.test(m.text);
  }
  if (end < 0) return '';
  // a second place sharing the council's head: "UBND huyện Buôn Đôn và Ea Súp"
  const shared = council ? /^\s*(?:,|và)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}(?=[\s,;.]|$)/u.exec(tail.slice(end)) : null;
  if (shared) end += shared[0].length;
  // "Công an thành phố", "Công an tỉnh": the recogniser reads the name, the sentence says whose
  const place = /^\s+(thành phố|tỉnh)(?=[\s,;.]|$)/.exec(tail.slice(end));
  if (place) end += place[0].length;
  let named = tail.slice(0, end);
  const verb = VERB.exec(named);
  if (verb) named = named.slice(0, verb.index); // a collective read too far: "các cơ quan liên quan triển khai …"
  return named.replace(/[\s,;]+$/, '').trim();
}

/** Deadlines written in a sentence: "trước ngày 15/01/2024", "định kỳ 6 tháng (trước ngày 15/6)", "chậm nhất vào ngày 20/11". */
export function deadlinesIn(sentence: string, year: number): string {
  const re = /(định kỳ[^.;()]{0,30}?\(\s*)?(trước|chậm nhất(?:\s+(?:vào|là|trước))?|hoàn thành(?:\s+(?:trước|trong))?|trong thời hạn)\s+(ngày|quý|tháng|năm)\s+[0-9IVX][^.;,()]*\)?/gi;
  const found: string[] = [];
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const phrase = m[0].replace(/\s+/g, ' ').replace(/\s+(theo mẫu|để|gửi|của|tại|cho|và)(?=\s|$).*$/i, '').trim();
    const p = parseTime(phrase, year);
    if (p.deadline || p.quarters.length || p.months.length) found.push(phrase);
  }
  return found.join('; ');
}

/**
 * The STT to write in the table. Numbering restarts per part ("1.1" in II and again in IV): when a number
 * repeats, every task is numbered the way appendix tables do, under its part's Roman numeral
 * ("II.1.1", "IV.1.1"), so no two rows share a number (task identity hangs on it). The JSON keeps the
 * document's own numbers.
 */
export function tableNumbers(tasks: ImportedTask[]): string[] {
  const seen = new Set<string>();
  const repeats = tasks.some((t) => seen.size === seen.add(t.stt).size);
  /** Section text → its prefix; a numeral two parts share (an excerpt with "IV." twice) gets a letter: "IVb". */
  const prefixOf = new Map<string, string | null>();
  const taken = new Set<string>();
  return tasks.map((t) => {
    if (!repeats) return t.stt;
    // under its part's numeral ("II.1.1"), or a regulation's article number ("Điều 6" → "6.1.1")
    if (!prefixOf.has(t.section)) {
      const part = ROMAN.exec(t.section) ?? ARTICLE.exec(t.section);
      let prefix = part ? part[1] : null;
      if (prefix !== null && taken.has(prefix)) {
        let k = 1;
        while (taken.has(`${part![1]}${String.fromCharCode(97 + k)}`)) k++;
        prefix = `${part![1]}${String.fromCharCode(97 + k)}`;
      }
      if (prefix !== null) taken.add(prefix);
      prefixOf.set(t.section, prefix);
    }
    const prefix = prefixOf.get(t.section);
    return prefix ? `${prefix}.${t.stt}` : t.stt;
  });
}

function stripBullet(s: string): string {
  return s.replace(BULLET, '').trim();
}

/** Read the assignments of a plan. `year` is the plan year for the time phrases (from the text when null). */
export function importPlanText(text: string, idx: MatchIndex, year: number | null = null): ImportResult {
  const r = readPlanText(text, idx, year, false);
  // a directive, or an excerpt that starts inside the assigning part, has no "Tổ chức thực hiện" heading:
  // its numbered agency sections are read as such when nothing else was found
  if (!r.tasks.length && !r.sawAssigningHeading) {
    const again = readPlanText(text, idx, year, true);
    if (again.tasks.length) return { tasks: again.tasks, plan: again.plan, empty: null };
  }
  return { tasks: r.tasks, plan: r.plan, empty: r.empty };
}

function readPlanText(text: string, idx: MatchIndex, year: number | null, assumeAssigning: boolean): ImportResult & { sawAssigningHeading: boolean } {
  const paras = paragraphsOf(text);
  const plan = planTitleOf(paras);
  const planYear = year ?? plan.year ?? new Date().getFullYear();
  const tasks: ImportedTask[] = [];
  let section = '';
  let assigning = assumeAssigning;
  let sawAssigningHeading = false;
  /** The current part is one that never assigns (Mục đích, Yêu cầu, Kinh phí …). */
  let quiet = false;
  /** The document has a part that assigns ("Tổ chức thực hiện"): its other parts may still address agencies by heading. */
  const docAssigns = paras.some((p) => (ROMAN.test(p.text) || ARTICLE.test(p.text)) && ASSIGNING_SECTION.test(foldKey(p.text)));
  /** The number of the last numbered item ("1.1"), for the lettered items under it. */
  let lastNumber = '';
  let item: ImportedTask | null = null; // the numbered task labels attach to
  /** The agency section being read; `lettered`: its duties are a), b) …, so other paragraphs continue them. */
  let agency: { name: string; stt: string; count: number; addressed?: boolean; lettered?: boolean; sub?: boolean; objects?: boolean; plain?: boolean; bullets?: boolean } | null = null;

  const agencyTask = (p: Paragraph, body: string): void => {
    if (!agency) return;
    const f = foldKey(body);
    let lead = agency.name;
    let support = '';
    const withIdx = f.search(/phoi hop voi\s/);
    /** "Chủ trì, phối hợp" followed at once by a name, without "với" */
    const direct = /^chu tri(?:,| va)?\s*(?:va\s+)?phoi hop\s+(?!voi\s)/.exec(f);
    const given = /^giao\s/.test(f) ? givenTo(body.slice(5), idx) : '';
    if (given) {
      // "Giao Thanh tra thành phố tổ chức thanh tra …": the section hands the duty to the agency it names
      lead = given;
    } else if (/^chu tri(,| va)?\s*(phoi hop|va phoi hop|,)/.test(f) && (withIdx >= 0 || direct)) {
      // "Chủ trì, phối hợp UBND huyện Ea Súp và Buôn Đôn tổ chức …" names its partners without "với"
      support = (direct && namedAfter(body.slice(direct[0].length), idx)) || (withIdx >= 0 ? namedAfter(body.slice(withIdx + 'phoi hop voi '.length), idx) : '');
    } else if (withIdx === 0) {
      // only "Phối hợp với X" hands the lead to X; "Phối hợp X …" is read as the section's own duty
      // (the reading of the real prose answers, prose_expected.tsv)
      const x = namedAfter(body.slice('phoi hop voi '.length), idx);
      if (x) {
        lead = x;
        support = agency.name;
      }
    }
    agency.count++;
    tasks.push({ stt: `${agency.stt}.${agency.count}`, title: body, lead, support, time: deadlinesIn(body, planYear), section, source: `paragraph ${p.line}` });
  };

  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    const t = p.text;
    if (END_OF_ASSIGNMENTS.test(t) || CLOSING.test(t)) {
      if (tasks.length) break;
      continue;
    }
    // a chapter of a regulation and its all-capital title end the article before them
    if (/^Chương\s+[IVXLC\d]+\b/.test(t) || (t.length < 200 && /\p{Lu}{4}/u.test(t) && t === t.toUpperCase() && !NUMBERED.test(t) && !ROMAN.test(t) && !ARTICLE.test(t))) {
      agency = null;
      item = null;
      continue;
    }
    // a part ("IV. TỔ CHỨC THỰC HIỆN") or an article of a regulation ("Điều 4. Trách nhiệm của các sở, ngành")
    const roman = ROMAN.exec(t) ?? ARTICLE.exec(t);
    if (roman) {
      section = t;
      const f = foldKey(t);
      const notTasks = NOT_TASKS.test(f.replace(/^[ivxl]+[.)]\s*|^dieu \d+[.:]\s*/, '').slice(0, 12));
      // read as a directive (no assigning heading anywhere): every part assigns but the ones that never do
      // an article of a coordination regulation ("Điều 6. Phối hợp trong công tác …") assigns too
      const article = ARTICLE.test(t) && /^dieu \d+[.:]\s*(phoi hop|trach nhiem|nhiem vu|de nghi)/.test(f);
      assigning = (ASSIGNING_SECTION.test(f) || article || assumeAssigning) && !notTasks;
      quiet = notTasks;
      if (assigning) sawAssigningHeading = true;
      item = null;
      agency = null;
      // "Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã": the numbered items below are that addressee's duties
      const of = assigning ? /(?:trách nhiệm của|^Điều\s+\d+[.:]\s*Đề nghị)\s+(.{3,160}?)\s*$/i.exec(t.replace(/[.:]+$/, '')) : null;
      if (of && (ORG_HEAD.test(of[1]) || parseMentions(of[1], idx).some((m) => m.agency || m.collective))) {
        agency = { name: of[1].charAt(0).toUpperCase() + of[1].slice(1), stt: (roman[1] ?? '').toString(), count: 0, addressed: true };
      }
      continue;
    }
    const label = LABEL.exec(stripBullet(t));
    if (label && item) {
      const value = stripBullet(t).slice(label[0].length).replace(/[.;]+$/, '').trim();
      const k = foldKey(label[1]);
      if (k === 'chu tri' || k === 'thuc hien') item.lead = item.lead ? `${item.lead}; ${value}` : value;
      else if (k === 'phoi hop') item.support = item.support ? `${item.support}; ${value}` : value;
      else item.time = item.time ? `${item.time}; ${value}` : value;
      if (!tasks.includes(item) && item.lead) tasks.push(item);
      continue;
    }
    const num = NUMBERED.exec(t) ?? LETTERED.exec(t);
    if (num && NUMBERED.test(t)) lastNumber = num[1];
    // an agency opened by a lettered or sub-numbered item owns only the paragraphs below it, not its siblings;
    // one opened by a "X:" line under item 1.2 ends at the next item that is not inside 1.2
    if (num && agency?.sub) agency = null;
    if (num && NUMBERED.test(t) && agency?.plain && !num[1].startsWith(`${agency.stt}.`)) agency = null;
    if (num) {
      const rest = t.slice(num[0].length).trim();
      // an item whose subject is an agency, in any part that assigns work (a resolution's "Nhiệm vụ,
      // giải pháp"): "b) Bộ Tài chính tiếp tục xuất cấp …" is that agency's task; "a) Ủy ban nhân dân các
      // tỉnh, thành phố:" opens its duties, the bullets below
      if (!quiet && !(agency && !agency.addressed && !LETTERED.test(t) && num[1].includes('.'))) {
        const subject = LETTERED.test(t) || num[1].includes('.') || (/:$/.test(rest) && !assigning && docAssigns) ? subjectOf(rest, idx) : null;
        // a lettered item is numbered under the item it belongs to: "1.1.b"
        const stt = LETTERED.test(t) && lastNumber ? `${lastNumber}.${num[1]}` : num[1];
        if (subject?.duty) {
          agency = { name: subject.name, stt, count: 0, sub: true };
          item = null;
          agencyTask(p, subject.duty);
          continue;
        }
        if (subject) {
          agency = { name: subject.name, stt, count: 0, sub: true };
          item = null;
          continue;
        }
      }
      const top = assigning && NUMBERED.test(t) && !num[1].includes('.');
      const name = assigning && NUMBERED.test(t) ? agencyHeading(rest, idx) : null;
      if (name) {
        agency = { name, stt: num[1], count: 0 };
        item = null;
        continue;
      }
      // an addressee the list does not hold, its duties as bullets below: "5. Các chủ rừng là tổ chức (…)"
      const next = paras[pi + 1]?.text ?? '';
      if (top && ORG_HEAD.test(rest) && !/\.$/.test(rest) && rest.length <= 400 && (BULLET.test(next) || LETTERED.test(next))) {
        const name = headName(rest);
        // "1. Sở Xây dựng là cơ quan …, chịu trách nhiệm giúp … quản lý đối với:" — one duty, its items are what it covers
        const sentence = /:$/.test(rest) && rest.length - name.length > 30;
        agency = { name, stt: num[1], count: 0, objects: sentence };
        item = null;
        if (sentence) agencyTask(p, rest);
        continue;
      }
      // the addressee and its duty in one sentence: "6. Các sở, ban, ngành liên quan theo chức năng nhiệm vụ được giao phối hợp với …"
      const duty: { name: string; body: string } | null = top && !(agency as { addressed?: boolean } | null)?.addressed ? dutyHeading(rest, idx) : null;
      if (duty) {
        agency = { name: duty.name, stt: num[1], count: 0 };
        item = null;
        agencyTask(p, duty.body);
        continue;
      }
      if (agency?.objects && LETTERED.test(t) && tasks.length) {
        tasks[tasks.length - 1].title += '\n' + t;
        continue;
      }
      if (agency && (num[1].includes('.') || agency.addressed || LETTERED.test(t))) {
        if (LETTERED.test(t)) agency.lettered = true;
        agencyTask(p, rest); // "2.1. …" under "2. Sở …"
        continue;
      }
      agency = null;
      item = { stt: num[1], title: rest.replace(/:$/, ''), lead: '', support: '', time: '', section, source: `paragraph ${p.line}` };
      continue;
    }
    // "Ủy ban nhân dân các tỉnh, thành phố:", "Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:" — the items below are theirs
    const plain = !quiet && /:$/.test(t) && !BULLET.test(t) && t.length <= 200 ? subjectOf(t, idx) : null;
    if (plain && !plain.duty) {
      agency = { name: plain.name, stt: lastNumber || String(tasks.length + 1), count: 0, addressed: true, plain: true };
      item = null;
      continue;
    }
    const addressee = assigning ? /^(?:Yêu cầu|Đề nghị|Giao)\s+(.{3,200}?)\s*:$/.exec(t) : null;
    if (addressee && parseMentions(addressee[1], idx).some((m) => m.agency || m.collective)) {
      // "Yêu cầu các đơn vị, địa phương được giao nhiệm vụ:" — the numbered items below are theirs
      agency = { name: addressee[1], stt: String(tasks.length ? Number(tasks[tasks.length - 1].stt.split('.')[0]) + 1 || 1 : 1), count: 0, addressed: true };
      item = null;
      continue;
    }
    if (agency) {
      const last = tasks[tasks.length - 1];
      // a paragraph that is no bullet, after duties written as bullets, goes on with the last of them
      const goesOn = agency.bullets && !BULLET.test(t);
      if ((/^\+/.test(t) || agency.lettered || goesOn) && last && last.stt.startsWith(`${agency.stt}.`)) {
        last.title += '\n' + t;
        continue;
      }
      if (BULLET.test(t)) agency.bullets = true;
      agencyTask(p, stripBullet(t));
    }
  }
  const empty = tasks.length
    ? null
    : 'Không tìm thấy phần phân công nhiệm vụ: văn bản không có dòng "Cơ quan chủ trì: …" nào, cũng không có mục "Tổ chức thực hiện" / "Phân công nhiệm vụ" liệt kê từng cơ quan.';
  return { tasks, plan, empty, sawAssigningHeading };
}
