// "Năm 2026\nvà các năm tiếp theo": the period right before the marker goes on, with no deadline.
// A marker further away ("Hoàn thành trong quý I năm 2026 và có rà soát … trong các năm tiếp theo
// (nếu có)") is a later revision, not the schedule: the deliverable keeps its quarter.
import type { Component, Refiner } from '../types';

const ADJACENT = /^[\s,;]*(?:va\s*)?$/;

export const onwardRefiner: Refiner = {
  name: 'onward',
  refine(ctx, components) {
    const out: Component[] = [];
    for (const c of components) {
      const prev = out[out.length - 1];
      if (c.kind !== 'onward') {
        out.push(c);
        continue;
      }
      if (prev && prev.kind === 'period' && ADJACENT.test(ctx.folded.slice(prev.end, c.start))) {
        const from = Math.min(...prev.intervals.map((x) => x.from));
        out[out.length - 1] = { ...prev, by: this.name, end: c.end, intervals: [{ from, to: Infinity }], deadline: null, open: true };
      }
      // a marker alone schedules nothing: dropped
    }
    return out;
  },
};
