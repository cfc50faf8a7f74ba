// Two ends joined by "đến", "tới" or a dash make one range: "Từ quý III/2026 đến quý III/2030"
// (Q3 2026 … Q3 2030, deadline 2030-09-30), "Hằng năm từ quý IV/2026 - 2029" (… end of 2029).
import { dateInterval, endOfMonth } from '../calendar';
import type { Component, DateComponent, PeriodComponent, Refiner } from '../types';

type Dated = PeriodComponent | DateComponent;

const JOINER = /^\s*(?:-|den(?:\s+het)?|toi)\s*$/;

function first(c: Dated): number {
  return c.kind === 'date' ? dateInterval(c.date, c.before).from : Math.min(...c.intervals.map((i) => i.from));
}

function last(c: Dated): number {
  return c.kind === 'date' ? dateInterval(c.date, c.before).to : Math.max(...c.intervals.map((i) => i.to));
}

export const rangeRefiner: Refiner = {
  name: 'range',
  refine(ctx, components) {
    const out: Component[] = [];
    for (const c of components) {
      const prev = out[out.length - 1];
      if (
        prev &&
        (prev.kind === 'period' || prev.kind === 'date') &&
        (c.kind === 'period' || c.kind === 'date') &&
        !(prev.kind === 'period' && prev.open) &&
        !(c.kind === 'period' && c.open) &&
        JOINER.test(ctx.folded.slice(prev.end, c.start)) &&
        last(c) >= first(prev)
      ) {
        const to = last(c);
        out[out.length - 1] = {
          kind: 'period',
          by: this.name,
          start: prev.start,
          end: c.end,
          intervals: [{ from: first(prev), to }],
          deadline: c.kind === 'date' ? c.date : (c.deadline ?? endOfMonth(to)),
          range: true,
        };
      } else out.push(c);
    }
    return out;
  },
};
