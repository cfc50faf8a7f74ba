// "Quý II/2026 và triển khai thường xuyên", "Tháng 12/2026 và thực hiện thường xuyên", "Ban hành
// … trong Quý II/2026. … Cập nhật thường xuyên": continuous work named after a deliverable starts
// with it (Q2 onward), it does not fill the year before. "Thường xuyên; báo cáo trước 15/12"
// names the continuous work first: the whole year. "Từ tháng 5/2026, thường xuyên": from May on.
import { dateInterval } from '../calendar';
import type { Component, Refiner } from '../types';

export const continuousAfterDeliverableRefiner: Refiner = {
  name: 'continuous-after-deliverable',
  refine(_ctx, components) {
    return components.map((c, i): Component => {
      if (c.kind !== 'recurrence' || c.recurrence !== 'continuous') return c;
      let from = Infinity;
      for (const p of components.slice(0, i)) {
        if (p.kind === 'period' && !p.recurrence) from = Math.min(from, ...p.intervals.map((x) => x.from));
        else if (p.kind === 'date') from = Math.min(from, dateInterval(p.date, p.before).from);
        else if (p.kind === 'recurrence') return c; // "Hằng năm, thường xuyên"
      }
      return from === Infinity ? c : { ...c, from };
    });
  },
};
