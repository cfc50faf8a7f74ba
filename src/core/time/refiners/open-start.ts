// "Từ tháng 8/2023", "Từ quý II/2027", "Triển khai từ năm 2026", "Bắt đầu triển khai từ năm 2026":
// a start without an end goes on (quarters from the start to the end of the plan year, no deadline).
import { dateInterval } from '../calendar';
import type { Component, Refiner } from '../types';

const FROM = /(?:^|\s)(?:tu|ke tu)\s*(?:ngay\s*)?$/;

export const openStartRefiner: Refiner = {
  name: 'open-start',
  refine(ctx, components) {
    return components.map((c, i): Component => {
      if (!(c.kind === 'period' || (c.kind === 'date' && !c.before)) || (c.kind === 'period' && (c.range || c.open))) return c;
      const gapStart = i > 0 ? components[i - 1].end : 0;
      if (!FROM.test(ctx.folded.slice(gapStart, c.start))) return c;
      const from = c.kind === 'date' ? dateInterval(c.date, false).from : Math.min(...c.intervals.map((x) => x.from));
      return { kind: 'period', by: this.name, start: c.start, end: c.end, intervals: [{ from, to: Infinity }], deadline: null, open: true };
    });
  },
};
