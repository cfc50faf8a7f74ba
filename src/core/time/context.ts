// The text a phrase is read in, folded letter for letter so that spans found in the folded
// text are spans of the original: "Quý II–III" → "quy ii-iii".
import type { Context } from './types';

const FOLDED_CHAR = new Map<string, string>();

function foldChar(ch: string): string {
  let f = FOLDED_CHAR.get(ch);
  if (f === undefined) {
    if (/\s/.test(ch)) f = ' ';
    else if (/[\u2010-\u2015\u2212]/.test(ch)) f = '-'; // "từ ngày 11 – 15/11/2023"
    else {
      const bare = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
      f = bare.length === 1 ? bare : ch.length === 1 && bare.length === 0 ? ' ' : ch;
    }
    if (f.length !== ch.length) f = ch; // never change the length
    FOLDED_CHAR.set(ch, f);
  }
  return f;
}

export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export function createContext(text: string, planYear: number): Context {
  const nfc = text.normalize('NFC');
  return { text: nfc, folded: fold(nfc), planYear };
}
