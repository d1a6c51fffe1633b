/**
 * The appendices: the submission table (province only) and the statistics table in seed 003's
 * columns, either the province's consolidated figures (with a "Kỳ trước" column when a previous
 * summary is attached) or one agency's own figures and notes.
 */
import { Indicator, ValueIndicator, isValueRow } from '../catalog/catalog';
import {
  Summary,
  formatResult,
  provinceCoverage,
  sentLate,
  sentOnTime,
  submissionRemark,
} from '../figures/consolidate';
import { formatDmy } from '../primitives/dates';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { SUBMISSION_HEADER } from '../figures/output-sheets';
import { inText } from '../periods';
import { TABLE_HEADER } from '../form/template';
import { upper } from '../primitives/text';
import { Figures } from './figures';
import { Merged } from './merge-text';
import { Issuer, appendixTitle, cellPara } from './layout';
import { Block, Para, TableBlock, para } from './model';
import { PreviousSummary } from './previous';
import { previousColumnNote } from './comparison';

export function submissionAppendix(blocks: Block[], issuer: Issuer, s: Summary, label: string): void {
  appendixTitle(
    blocks,
    issuer,
    label,
    `TÌNH HÌNH GỬI BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${upper(inText(s.settings.period))}`,
  );
  blocks.push(
    para([{ text: `(Thời hạn gửi báo cáo: ${formatDmy(s.settings.deadline)})`, italic: true }], {
      align: 'center',
      spaceAfter: 6,
    }),
  );
  const rows: Para[][][] = [SUBMISSION_HEADER.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  s.submission.forEach((e, i) => {
    rows.push([
      cellPara(String(i + 1), { align: 'center' }),
      cellPara(e.agency.name),
      cellPara(e.submitted ? 'x' : '', { align: 'center' }),
      cellPara(e.submitted ? '' : 'x', { align: 'center' }),
      cellPara(e.date ? formatDmy(e.date) : '', { align: 'center' }),
      cellPara(submissionRemark(e)),
    ]);
  });
  const sent = s.submission.filter((e) => e.submitted).length;
  // The totals of the notes, by the one definition of on time (sentOnTime) the report's sentence uses.
  const onTime = s.submission.filter(sentOnTime).length;
  const late = s.submission.filter(sentLate).length;
  rows.push([
    cellPara(''),
    cellPara('Tổng cộng', { bold: true }),
    cellPara(String(sent), { bold: true, align: 'center' }),
    cellPara(String(s.submission.length - sent), { bold: true, align: 'center' }),
    cellPara(''),
    cellPara(`Đúng hạn: ${onTime}; gửi muộn: ${late}`, { bold: true }),
  ]);
  blocks.push({ kind: 'table', widths: [8, 35, 10, 10, 15, 22], rows, borders: true, headerRows: 1 });
}

function unitOf(ind: ValueIndicator): string {
  if (ind.kind === 'code') return ind.answers.map((a) => `${a.label} = ${a.code}`).join('; ');
  return ind.kind === 'percent' ? '%' : ind.unit;
}

/** A value as the form's Số liệu column shows it: coded answers by their code. */
function shown(ind: ValueIndicator, value: number | null, text: string | null): string {
  if (value === null) return '';
  if (ind.kind === 'code') return String(value);
  return text ?? (ind.kind === 'percent' ? formatPercent(value) : formatNumber(value));
}

function groupRow(ind: Indicator, columns: number): Para[][] {
  return [
    cellPara(`${ind.code}.`, { bold: true }),
    cellPara(ind.name, { bold: true }),
    ...Array.from({ length: columns - 2 }, () => cellPara('')),
  ];
}

/**
 * Columns of a statistics table: STT fits "7.6.1.1." and the unit "Nhiệm vụ" on one line, a
 * figure "1.234.567" or "99,81%" fits its cell unbroken, the notes keep a fifth of the width.
 */
const WIDTHS = [11, 39, 13, 13, 24];
const PREVIOUS_WIDTHS = [11, 31, 12, 12, 12, 22];

/** Province statistics (Phụ lục II): consolidated value, the previous period's when given, and the note. */
export function summaryTable(s: Summary, previous: PreviousSummary | null): TableBlock {
  const header = previous ? [...TABLE_HEADER.slice(0, 4), 'Kỳ trước', TABLE_HEADER[4]] : [...TABLE_HEADER];
  const rows: Para[][][] = [header.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  for (const ind of s.asked) {
    if (ind.supporting) continue;
    if (!isValueRow(ind)) {
      rows.push(groupRow(ind, header.length));
      continue;
    }
    const r = s.indicators.get(ind.code);
    const row = [
      cellPara(`${ind.code}.`),
      cellPara(ind.name, { italic: ind.isPart }),
      cellPara(unitOf(ind), { align: 'center' }),
      cellPara(shown(ind, r?.value ?? null, r ? formatResult(r) : null), { align: 'right' }),
    ];
    if (previous) row.push(cellPara(shown(ind, previous.values.get(ind.code) ?? null, null), { align: 'right' }));
    row.push(cellPara(r?.remark ?? '', { italic: true }));
    rows.push(row);
  }
  const widths = previous ? PREVIOUS_WIDTHS : WIDTHS;
  return { kind: 'table', widths, rows, borders: true, headerRows: 1 };
}

export function summaryAppendix(
  blocks: Block[],
  issuer: Issuer,
  s: Summary,
  previous: PreviousSummary | null,
  compared: string | null,
): void {
  appendixTitle(blocks, issuer, 'Phụ lục II', 'THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
  blocks.push(para([{ text: coverageLine(s), italic: true }], { align: 'justify', size: 13, spaceAfter: 6 }));
  if (previous && compared)
    blocks.push(
      para([{ text: previousColumnNote(previous, s.settings), italic: true }], {
        align: 'center',
        spaceAfter: 6,
      }),
    );
  blocks.push(summaryTable(s, previous));
}

/**
 * The coverage of Phụ lục II, said once at its head so that no row repeats it: "Số liệu tổng hợp
 * từ báo cáo của 44/56 cơ quan, đơn vị; chưa có số liệu của: Sở A, UBND xã B (xem Phụ lục I)."
 */
export function coverageLine(s: Summary): string {
  const c = provinceCoverage(s);
  const apart = c.verticalApart ? ', không gồm các cơ quan ngành dọc' : '';
  const missing = c.missing.length ? `; chưa có số liệu của: ${c.missing.join(', ')} (xem Phụ lục I)` : '';
  return `Số liệu tổng hợp từ báo cáo của ${c.used}/${c.of} cơ quan, đơn vị${apart}${missing}.`;
}

/**
 * One agency's statistics, as seed 003 sends them: the rows asked of it, its figures, and its
 * notes (rows another agency supplies keep the form's note, e.g. "Do Văn phòng UBND tỉnh cung cấp").
 */
export function agencyAppendix(
  blocks: Block[],
  issuer: Issuer,
  rowsAsked: readonly Indicator[],
  figures: Figures,
  notes: ReadonlyMap<string, string>,
): void {
  appendixTitle(
    blocks,
    issuer,
    'Phụ lục',
    `THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI ${upper(issuer.issuingBody)}`,
  );
  const rows: Para[][][] = [TABLE_HEADER.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  for (const ind of rowsAsked) {
    if (ind.supporting) continue;
    if (!isValueRow(ind)) {
      rows.push(groupRow(ind, TABLE_HEADER.length));
      continue;
    }
    const f = figures.get(ind.code);
    rows.push([
      cellPara(`${ind.code}.`),
      cellPara(ind.name, { italic: ind.isPart }),
      cellPara(unitOf(ind), { align: 'center' }),
      cellPara(shown(ind, f?.value ?? null, f?.text ?? null), { align: 'right' }),
      cellPara(notes.get(ind.code) ?? '', { italic: true }),
    ]);
  }
  blocks.push({ kind: 'table', widths: WIDTHS, rows, borders: true, headerRows: 1 });
}

/** Phụ lục III: every line the agencies wrote, merged, with all who wrote it; nothing when none wrote. */
export function saidAppendix(
  blocks: Block[],
  issuer: Issuer,
  said: readonly (readonly [string, readonly Merged[]])[],
): void {
  if (!said.some(([, m]) => m.length)) return;
  appendixTitle(blocks, issuer, 'Phụ lục III', 'Ý KIẾN CỦA CÁC CƠ QUAN, ĐƠN VỊ');
  const rows: Para[][][] = [
    ['STT', 'Nội dung', 'Cơ quan, đơn vị'].map((h) => cellPara(h, { bold: true, align: 'center' })),
  ];
  for (const [label, merged] of said) {
    if (!merged.length) continue;
    rows.push([cellPara(''), cellPara(label, { bold: true }), cellPara('')]);
    merged.forEach((m, i) =>
      rows.push([cellPara(String(i + 1), { align: 'center' }), cellPara(m.text), cellPara(m.agencies.join(', '))]),
    );
  }
  blocks.push({ kind: 'table', widths: [8, 57, 35], rows, borders: true, headerRows: 1 });
}
