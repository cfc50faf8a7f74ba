// The bench's realistic appendix (2,000 tasks by default, 80 agencies): numbered tasks, aligned
// bullets, name variants, collectives. Shared by `npm run bench` and bench/stages.ts.
import { builtinMasterList } from '../src/core/agencies/builtin';
import { clearPlanCaches } from '../src/core/generate';
import { clearTimeCache } from '../src/core/time';
import { clearTextCaches } from '../src/core/text';
import type { MasterList } from '../src/core/schemas';

/** Every timing is a cold run: memo caches are emptied first. */
export function cold(): void {
  clearTextCaches();
  clearPlanCaches();
  clearTimeCache();
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const BENCH_AGENCIES = 80;

export function masterForBench(n: number): MasterList {
  const base = builtinMasterList('Đồng Nai');
  // a province's own list, as the bench has measured it from the start: without the provinces' People's
  // Committees the built-in list holds for central plans
  const agencies = base.agencies.filter((a) => !/^Ủy ban nhân dân (?:tỉnh|thành phố|Thành phố) /.test(a.name));
  for (let i = agencies.length; i < n; i++) agencies.push({ name: `Ban Quản lý dự án đầu tư xây dựng khu vực ${i}`, group: 'other', aliases: [] });
  return { agencies: agencies.slice(0, Math.max(n, agencies.length)), origin: 'bench' };
}

export const TIMES = ['Quý I', 'Quý II, III', 'Hàng tháng, quý', 'Cả năm', 'trước ngày 15/6', 'định kỳ 6 tháng (trước ngày 15/6)', 'Tháng 3-5/2024', 'Thường xuyên', 'chậm nhất vào ngày 20/11', 'Quý IV/2024'];

/** A realistic appendix: numbered tasks, some with aligned bullets, variants of names, collectives. */
export function appendixForBench(master: MasterList, tasks: number): string[][] {
  const names = master.agencies.filter((a) => !a.successor).map((a) => a.name).slice(0, BENCH_AGENCIES);
  const variants = (n: string, i: number) => (i % 7 === 0 ? n.replace(/,/g, '') : i % 11 === 0 ? n.replace('và', '&') : n);
  const rows: string[][] = [['PHỤ LỤC'], ['PHÂN CÔNG NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2024'], ['(Kèm theo Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh Đồng Nai)'], [], ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']];
  let made = 0;
  let stt = 0;
  while (made < tasks) {
    stt++;
    const lead = names[stt % names.length];
    const sup1 = variants(names[(stt * 7 + 3) % names.length], stt);
    const sup2 = names[(stt * 13 + 5) % names.length];
    if (stt % 5 === 0 && made + 3 <= tasks) {
      rows.push([String(stt).padStart(2, '0'), `- Nhiệm vụ ${stt}a: tuyên truyền, quảng bá hình ảnh của tỉnh\n- Nhiệm vụ ${stt}b: tập huấn nghiệp vụ\n- Nhiệm vụ ${stt}c: theo dõi dư luận`, lead, `- ${sup1}\n- Các sở, ban, ngành\n- ${sup2} và các đơn vị liên quan`, `- ${TIMES[stt % TIMES.length]}\n- ${TIMES[(stt + 3) % TIMES.length]}\n- ${TIMES[(stt + 5) % TIMES.length]}`]);
      made += 3;
    } else {
      rows.push([String(stt).padStart(2, '0'), `Nhiệm vụ ${stt}: triển khai công tác thông tin đối ngoại năm 2024 theo kế hoạch`, lead, `${sup1}, ${sup2}, UBND các huyện, thị xã, thành phố`, TIMES[stt % TIMES.length]]);
      made += 1;
    }
  }
  return rows;
}

