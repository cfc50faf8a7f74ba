// Years that name something rather than schedule the task: a programme's period ("Chương trình
// tại địa phương giai đoạn 2025 - 2035"), a horizon ("định hướng đến năm 2045", "tầm nhìn đến năm
// 2050"), the name of what the timing follows ("Theo tiến độ được giao của Luật An ninh mạng
// 2025"). Read as a schedule they would be confident wrong answers: dropped, left as unread text.
import type { Component, Context, Refiner } from '../types';

const HORIZON = /(?:dinh huong|tam nhin)\s+den\s*$/;
/** "giai đoạn" schedules the task after these ("Thực hiện trong giai đoạn 2026 - 2030"), else names a programme. */
const PERIOD_LEAD = /(?:^|[,.;:(\-+]|\b(?:trong|thuc hien|trien khai|hoan thanh|thi diem|xay dung|va|tu|den|ap dung))\s*$/;
/** A clause that starts "theo …" up to its end: what the timing follows. */
const FOLLOWS = /(?:^|[,.;:(]\s*)theo\b[^,.;]*/g;

function inFollowsClause(ctx: Context, c: Component): boolean {
  for (const m of ctx.folded.matchAll(FOLLOWS)) if (c.start >= m.index && c.end <= m.index + m[0].length) return true;
  return false;
}

export const namedPeriodRefiner: Refiner = {
  name: 'named-period',
  refine(ctx, components) {
    return components.filter((c) => {
      if (c.by !== 'year') return true;
      const before = ctx.folded.slice(0, c.start);
      const words = ctx.folded.slice(c.start, c.end);
      if (HORIZON.test(before)) return false;
      if (words.startsWith('giai doan') && !PERIOD_LEAD.test(before)) return false;
      return !inFollowsClause(ctx, c);
    });
  },
};
