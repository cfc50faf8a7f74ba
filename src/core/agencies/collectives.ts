// Groups named by their kind, read from what the name pass left: "Các sở, ban, ngành", "UBND các
// huyện, thị xã, thành phố", "xã, phường, thị trấn", "các bộ, cơ quan, địa phương và đơn vị có liên
// quan". A list is read item by item; an item continues the kind before it ("ban", "ngành" after
// "sở"; "thị xã", "thành phố" after "UBND các huyện"). In a plan of the Government or a ministry,
// "địa phương" is the provinces; in a province's plan it is its communes and districts.
import type { Collective } from '../schemas';
import type { Token } from './tokens';

export type PlanLevel = 'central' | 'province';

export interface Group {
  kind: Collective;
  text: string;
  start: number;
  end: number;
}

export interface Leftovers {
  groups: Group[];
  /** Items that look like a name the list does not hold ("Sở Tài chánh", "UBND huyện Long Thành"). */
  names: { text: string; start: number; end: number }[];
  unread: string[];
}

type Prev = Collective | null;
interface Rule {
  re: RegExp;
  kinds: (level: PlanLevel, prev: Prev, next: string) => Collective[] | null;
  /** A capitalised word right after it makes the item a name ("UBND huyện Long Thành"). */
  namable?: boolean;
  /** May follow another head inside one item, without a comma ("Các Bộ, ngành Ủy ban nhân dân cấp tỉnh"). */
  chain?: boolean;
  /** A kind noun that names a group only with "các", a list, or a group's tail ("sở", "ban", "bộ"). */
  bare?: boolean;
}

/** What may follow a bare kind noun in a group: "Sở, ban, ngành tỉnh", "Các bộ quản lý ngành, lĩnh vực". */
const GROUP_TAIL = /^(?:(?:nganh|ban|co quan|tinh|cap tinh|lien quan|co lien quan|chuc nang|o trung uong|trung uong|quan ly|chuyen mon|thuoc|truc thuoc|khac|duoc giao)\b|$)/;

const always =
  (...k: Collective[]) =>
  (): Collective[] =>
    k;
const local = (level: PlanLevel): Collective[] => (level === 'central' ? ['provinces'] : ['localities']);

/** Item heads, tried in order on the item's words (titles and "các" taken off). */
const RULES: Rule[] = [
  { re: /^tat ca (?:cac )?(?:co quan|don vi|so|nganh)\b/, kinds: always('all') },
  { re: /^dai\b.*?\b(?:cap huyen|cac huyen)\b/, kinds: always('other') },
  { re: /^phong van hoa\b/, kinds: always('other') },
  { re: /^ban chi huy (?:ptds|phong thu dan su) cac cap\b/, kinds: always('other') },
  { re: /^co quan nganh doc\b/, kinds: always('other') },
  { chain: true, re: /^uy ban nhan dan (?:cac )?cap\b(?! (?:tinh|huyen|xa))/, kinds: (l) => (l === 'central' ? ['provinces', 'localities'] : ['localities']) },
  { chain: true, re: /^uy ban nhan dan (?:cac )?cap tinh\b/, kinds: always('provinces') },
  { chain: true, re: /^uy ban nhan dan (?:cac |\d+ )?(?:tinh|thanh pho truc thuoc trung uong)\b/, kinds: always('provinces') },
  { re: /^thanh pho truc thuoc trung uong\b/, kinds: always('provinces') },
  // "Các cơ quan Trung ương và địa phương": the ministries and central agencies
  { re: /^co quan (?:o )?trung uong\b/, kinds: (l) => (l === 'central' ? ['ministries'] : ['related']) },
  { chain: true, re: /^uy ban nhan dan cac thanh pho\b/, kinds: local },
  { chain: true, re: /^uy ban nhan dan tinh$/, kinds: (_l, _p, next) => (/^thanh pho\b/.test(next) ? ['provinces'] : null) },
  { chain: true, re: /^uy ban nhan dan (?:cac )?(?:cap )?(?:huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\b/, kinds: always('localities'), namable: true },
  { chain: true, re: /^uy ban nhan dan (?:cac )?dia phuong\b/, kinds: local },
  { re: /^(?:cap )?(?:huyen|quan|thi xa|thi tran|dac khu)\b/, kinds: always('localities'), namable: true },
  { re: /^(?:cap )?(?:xa|phuong)\b/, kinds: always('localities'), namable: true },
  { re: /^thanh pho\b/, kinds: (_l, prev) => (prev === 'provinces' || prev === 'localities' ? [prev] : null), namable: true },
  { re: /^tinh\b/, kinds: always('provinces'), namable: true, bare: true },
  { chain: true, re: /^dia phuong\b/, kinds: local },
  { chain: true, re: /^co quan ngang bo\b|^co quan thuoc chinh phu\b/, kinds: always('ministries') },
  { re: /^bo\b/, kinds: always('ministries'), namable: true, bare: true },
  { re: /^nganh\b/, kinds: (l, prev) => (prev === 'ministries' || prev === 'departments' ? [prev] : l === 'central' ? ['ministries'] : ['departments']) },
  { re: /^so\b/, kinds: always('departments'), namable: true, bare: true },
  { re: /^ban\b/, kinds: always('departments'), namable: true, bare: true },
  { re: /^co quan chuyen mon\b/, kinds: always('departments') },
  { chain: true, re: /^(?:to chuc |hoi )?doan the\b|^to chuc chinh tri xa hoi\b/, kinds: always('mass_orgs') },
  { chain: true, re: /^luc luong vu trang\b/, kinds: always('other') },
  { chain: true, re: /^(?:co quan )?bao chi\b|^co quan thong tin dai chung\b|^bao\b(?= dai\b)/, kinds: always('press') },
  { chain: true, re: /^(?:doanh nghiep|tap doan|tap dan|tong cong ty|cong ty)\b/, kinds: always('enterprises') },
  { chain: true, re: /^co so kham benh\b/, kinds: always('other') },
  { re: /^chua benh\b/, kinds: (_l, prev) => (prev === 'other' ? ['other'] : null) },
  // "Các bộ, cơ quan, địa phương": in a list of ministries, "cơ quan" is theirs
  { chain: true, re: /^co quan$/, kinds: (_l, prev) => (prev === 'ministries' ? ['ministries'] : ['related']) },
  { chain: true, re: /^(?:co quan|to chuc|don vi|ca nhan|ben|chu dau tu)\b/, kinds: always('related') },
];

/** Distinctive kinds found anywhere in an item: "… giao chỉ tiêu … cho các tập đoàn kinh tế". */
const ANYWHERE: [RegExp, (level: PlanLevel) => Collective][] = [
  [/\bcac (?:tap doan|tong cong ty|doanh nghiep)\b/, () => 'enterprises'],
  // "… hướng dẫn các địa phương tổ chức thực hiện"
  [/\bcac dia phuong\b/, (l) => (l === 'central' ? 'provinces' : 'localities')],
];

const TITLES = ['bo truong', 'thu truong', 'giam doc', 'pho giam doc', 'chu tich', 'pho chu tich', 'lanh dao', 'ct', 'pct', 'pho truong', 'truong', 'pho chanh', 'chanh', 'giao', 'de nghi'].map((t) => t.split(' '));
/** Titles written as abbreviations ("CVP, PVP UBND tỉnh"): read by their letters, not the office they stand for. */
const TITLE_SHORTS = new Set(['cvp', 'pvp', 'ct', 'pct']);
/** Determiners: taken off to read the head, kept in the mention's text ("các đơn vị liên quan"). */
const DETERMINERS = ['tat ca', 'cac', 'nhung', 'toan bo', ...Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')), ...Array.from({ length: 10 }, (_, n) => String(n))].map((t) => t.split(' '));
/** Kind words that may follow a head with no comma without making it a name ("Các Sở Ban ngành"). */
const KIND_WORDS = new Set(['ban', 'ngành', 'sở', 'bộ', 'cơ', 'đoàn', 'địa', 'thị', 'thành', 'huyện', 'xã', 'phường', 'quận', 'tỉnh']);

/** Words that begin a name: such an item the list does not hold is an unknown agency, not unread text. */
const NAME_HEADS = new Set(['so', 'bo', 'ban', 'dai', 'bao', 'hoi', 'cuc', 'vu', 'phong', 'trung', 'uy', 'van', 'cong', 'lien', 'tinh', 'thanh', 'kho', 'ngan', 'benh', 'vien', 'tap', 'chi', 'tong', 'hoc', 'doan', 'mat']);

/** Whether a word (folded) and its capital say "an agency's name starts here": "Đài …", "Báo …", "Liên hiệp …". */
export function beginsName(folded: string, capital: boolean): boolean {
  return capital && NAME_HEADS.has(folded);
}

/** Connectives and verbs that say nothing about who does the task. */
const FILLER = new Set(
  'va hoac cung voi chu tri phoi hop thuc hien tong hop huong dan theo doi to chuc trien khai tham muu de xuat bao cao co lien quan khac duoc giao chuc nang nhiem vu dau moi'.split(' '),
);

interface Item {
  toks: number[];
}

function itemsOf(toks: Token[], taken: boolean[]): Item[] {
  const items: Item[] = [];
  let cur: Item | null = null;
  toks.forEach((t, k) => {
    const broken = taken[k - 1] !== false || /[,;/:\n()]/.test(t.before);
    // "cùng" joins a list, but "cùng cấp" is "of the same level"
    if (taken[k] || t.folded === 'va' || t.folded === 'hoac' || (t.folded === 'cung' && toks[k + 1]?.folded !== 'cap')) {
      cur = null;
      return;
    }
    if (!cur || broken) {
      cur = { toks: [] };
      items.push(cur);
    }
    cur.toks.push(k);
  });
  return items;
}

export function collectivesIn(text: string, toks: Token[], taken: boolean[], level: PlanLevel): Leftovers {
  const out: Leftovers = { groups: [], names: [], unread: [] };
  const items = itemsOf(toks, taken);
  let prev: Prev = null;
  let open: Group | null = null;
  const close = () => {
    if (open) out.groups.push(open);
    open = null;
  };
  items.forEach((item, n) => {
    // words of the item, each remembering its token
    // an item of titles only ("CVP" of "CVP, PVP UBND tỉnh") names nobody
    if (item.toks.every((k) => TITLE_SHORTS.has(toks[k].folded) || toks[k].folded === 'cac')) return;
    const words: { w: string; k: number }[] = item.toks.flatMap((k) => toks[k].words.map((w) => ({ w, k })));
    let from = 0;
    const skipWords = (list: string[][]) => {
      for (let again = true; again; ) {
        again = false;
        for (const t of list) {
          if (t.every((x, i) => words[from + i]?.w === x)) {
            from += t.length;
            again = true;
          }
        }
      }
    };
    skipWords(TITLES);
    const shown = from;
    skipWords(DETERMINERS);
    const nextItem = items[n + 1];
    const next = nextItem ? nextItem.toks.flatMap((k) => toks[k].words).join(' ') : '';
    const kinds = new Set<Collective>();
    let pos = from;
    let lastTok = -1;
    let named = false;
    for (let guard = 0; guard < 4 && pos < words.length; guard++) {
      const s = words.slice(pos).map((x) => x.w).join(' ');
      const rule = RULES.find((r) => (pos === from || r.chain) && r.re.test(s));
      if (!rule) break;
      const m = s.match(rule.re)!;
      const used = m[0].split(' ').length;
      const after = words[pos + used];
      // a head ends where a word ends: "ban" of "BCH" (ban chỉ huy) is no "ban, ngành"
      if (after && after.k === words[pos + used - 1].k) break;
      // "sở", "ban", "bộ" alone are a group only as one ("các sở", "Sở, ban, ngành", "Bộ, cơ quan")
      const tail = s.slice(m[0].length).trim();
      if (rule.bare && !(from > shown || !after || (GROUP_TAIL.test(tail) && (m[0] === 'bo' || !/^quan ly\b/.test(tail))) || /^(?:ban|nganh|co quan|thanh pho)\b/.test(next))) break;
      if (rule.namable && after && toks[after.k].capital && !KIND_WORDS.has(toks[after.k].lower) && after.k !== words[pos + used - 1].k && !/[,;/:\n]/.test(toks[after.k].before)) {
        named = true;
        break;
      }
      const ks = rule.kinds(level, prev, next);
      if (!ks) break;
      for (const k of ks) kinds.add(k);
      lastTok = words[pos + used - 1].k;
      pos += used;
    }
    const whole = words.map((x) => x.w).join(' ');
    for (const [re, kind] of ANYWHERE) if (re.test(whole)) kinds.add(kind(level));
    if (kinds.size && /\blien quan\b|\bkhac\b/.test(whole)) kinds.add('related');
    const firstTok = words[shown]?.k ?? item.toks[0];
    if (kinds.size) {
      const endTok = Math.max(lastTok, item.toks[item.toks.length - 1]);
      const start = toks[firstTok].start;
      const end = toks[endTok].end;
      const list = [...kinds];
      // one mention per kind; consecutive items of one kind are one mention ("Các sở, ban, ngành")
      const cur = open as Group | null;
      if (cur && prev === cur.kind && list.includes(cur.kind)) {
        // "Các sở, ngành liên quan": "ngành" goes on with "sở"; "liên quan" adds its own kind
        cur.end = end;
        cur.text = text.slice(cur.start, end);
        for (const kind of list) if (kind !== cur.kind) out.groups.push({ kind, text: text.slice(start, end), start, end });
      } else {
        close();
        for (const kind of list.slice(0, -1)) out.groups.push({ kind, text: text.slice(start, end), start, end });
        open = { kind: list[list.length - 1], text: text.slice(start, end), start, end };
        prev = open.kind;
      }
      return;
    }
    close();
    prev = null;
    const first = words[from];
    if (first && (named || beginsName(first.w, toks[first.k].capital))) {
      const start = toks[first.k].start;
      const end = toks[item.toks[item.toks.length - 1]].end;
      out.names.push({ text: text.slice(start, end), start, end });
      return;
    }
    if (words.some((x) => !FILLER.has(x.w))) {
      const piece = text.slice(toks[item.toks[0]].start, toks[item.toks[item.toks.length - 1]].end).trim();
      if (piece) out.unread.push(piece);
    }
  });
  close();
  return out;
}
