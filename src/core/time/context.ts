// The text a phrase is read in, folded letter for letter so that spans found in the folded
// text are spans of the original: "Quý II–III" → "quy ii-iii".
import { foldAligned } from '../text';
import type { Context } from './types';

export function createContext(text: string, planYear: number): Context {
  const nfc = text.normalize('NFC');
  return { text: nfc, folded: foldAligned(nfc), planYear };
}
