// "Năm 2026\nvà các năm tiếp theo", "từ năm 2026 trở đi": the period before goes on.
import type { Parser } from '../types';

export const onwardParser: Parser = {
  name: 'onward',
  pattern: /\b(?:(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|sau\s+do|ke\s+tiep|sau)|tro\s+di)\b/g,
  extract(_ctx, m) {
    return { kind: 'onward', by: this.name, start: m.index, end: m.index + m[0].length };
  },
};
