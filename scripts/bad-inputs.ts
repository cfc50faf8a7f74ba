// The bad-input corpus (filled in by the reliability work).
import type ExcelJS from 'exceljs';

export interface BadInput {
  file: string;
  workbook?: () => ExcelJS.Workbook;
  bytes?: Uint8Array;
}

export function badInputs(): BadInput[] {
  return [];
}
