// Messages between the pane and its worker: a call, its progress, its result or its error. Errors cross
// as data and become the same classes again on the page (so the message says what to do, in both languages).
import { UserError } from '../../app/usecases';

export type Call = { id: number; op: string; args: unknown[] };
export type Reply = { id: number; progress: unknown } | { id: number; result: unknown } | { id: number; error: WireError };
export type WireError = { kind: 'user'; key: string; message: string; en?: string } | { kind: 'other'; message: string; code?: string };

export function toWire(e: unknown): WireError {
  if (e instanceof UserError) return { kind: 'user', key: e.key, message: e.message, en: e.en };
  const err = (e ?? {}) as { message?: string; code?: string };
  return { kind: 'other', message: err.message ?? String(e), code: err.code };
}

export function fromWire(w: WireError): Error {
  if (w.kind === 'user') return new UserError(w.key, w.message, w.en);
  return Object.assign(new Error(w.message), w.code ? { code: w.code } : {});
}
