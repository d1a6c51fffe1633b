/**
 * A deterministic sample province: about 20 provincial agencies and N communes with plausible,
 * mutually consistent figures, typed the way people type them ("1.949", "02", "12,5%"), and a
 * share of the mistakes the seeds show. Used by the demo, the tests and the benchmark.
 */
import { Catalog, isValueRow } from '../core/catalog/catalog';
import { catalogFor } from '../core/catalog/versions';
import { IsoDate, addDays } from '../core/primitives/dates';
import { formRows } from '../core/form/row-modes';
import { CellInput } from '../core/sheet/plan';
import { a1Range, parseA1 } from '../core/sheet/grid';
import { formatNumber, formatPercent } from '../core/primitives/numbers';
import { PeriodId } from '../core/periods';
import { Agency, AgencyType, Settings, defaultOwners, exampleSettings } from '../core/settings';
import { FreeTextField, STATUS_DRAFT, STATUS_SENT, agencyTabPlan, answerChoice } from '../core/form/template';
import { WorkbookPort } from '../core/workbook';
import { DIFFICULTIES, GIVEN, HIGHLIGHTS, PROPOSALS, PROVINCIAL_AGENCIES, SURNAMES, communeNames } from './sample-data';

export interface SampleOptions {
  readonly seed?: number;
  readonly provincial?: number;
  readonly communes?: number;
  /** Share of agencies whose tab carries one of the seeds' mistakes. */
  readonly mistakeShare?: number;
  readonly notSentShare?: number;
  readonly lateShare?: number;
  readonly period?: PeriodId;
  readonly year?: number;
}

export interface AgencyFill {
  readonly agency: Agency;
  /** What is typed into Số liệu, by code. */
  readonly values: ReadonlyMap<string, CellInput>;
  readonly sent: boolean;
  readonly sentOn: IsoDate | null;
  readonly preparer: string;
  readonly phone: string;
  readonly freeText: Readonly<Record<FreeTextField, string>>;
  /** The mistakes planted in this tab, in words, for the demo's summary and the tests. */
  readonly mistakes: readonly string[];
}

/** mulberry32: small, fast, and the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mistake =
  | 'typo-decimal'
  | 'total-mismatch'
  | 'percent-disagrees'
  | 'negative'
  | 'text-in-number'
  | 'owner-row'
  | 'sent-no-date';
const MISTAKES: readonly Mistake[] = [
  'typo-decimal',
  'total-mismatch',
  'percent-disagrees',
  'negative',
  'text-in-number',
  'owner-row',
  'sent-no-date',
];

export function sampleProvince(opts: SampleOptions = {}): { settings: Settings; fills: AgencyFill[] } {
  const random = rng(opts.seed ?? 20260915);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const period = opts.period ?? 'Q3';
  const year = opts.year ?? 2026;
  const provincialCount = Math.min(opts.provincial ?? 20, PROVINCIAL_AGENCIES.length);
  const provincial = PROVINCIAL_AGENCIES.slice(0, provincialCount);
  const communes = communeNames(opts.communes ?? 40, random).map((name) => ({ name, type: 'xa' as AgencyType }));
  const base = exampleSettings(period, year, [...provincial, ...communes]);
  const settings: Settings = {
    ...base,
    docNumber: '/BC-UBND',
    signerName: 'Nguyễn Văn A',
    owners: defaultOwners(catalogFor(base), [...provincial, ...communes]),
    agencies: base.agencies.map((a, i) => ({ ...a, emails: i % 3 === 0 ? [`nhaplieu${i + 1}@example.gov.vn`] : [] })),
  };
  const catalog = catalogFor(settings);
  const mistakeShare = opts.mistakeShare ?? 0.2;
  const notSentShare = opts.notSentShare ?? 0.08;
  const lateShare = opts.lateShare ?? 0.15;

  let nextMistake = 0;
  const fills = settings.agencies.map((agency): AgencyFill => {
    const v = new Map<string, number>();
    const isXa = agency.type === 'xa';
    const big = isXa ? 1 : 4;
    // 1. Direction
    v.set('1.1.1', int(5, 12) * (isXa ? 1 : 2));
    v.set('1.1.2', Math.max(0, v.get('1.1.1')! - int(0, 3)));
    v.set('1.1.3', int(0, 4));
    v.set('1.2', random() < 0.6 ? 1 : 0);
    // 2. Institutions
    v.set('2.1', int(0, isXa ? 1 : 4));
    v.set('2.2', int(0, isXa ? 1 : 3));
    v.set('2.3', int(0, isXa ? 6 : 25));
    v.set('2.4', Math.min(int(0, 3), v.get('2.2')! + v.get('2.3')!));
    v.set('2.5', Math.min(int(0, 3), v.get('2.4')!));
    // 3. Procedures (the counts of procedures are the owner's, below)
    v.set('3.3.3.b', isXa ? int(95, 130) : int(20, 200));
    v.set('3.3.3.a', v.get('3.3.3.b')! - int(0, 3));
    v.set('3.3.4.b', v.get('3.3.3.a')!);
    v.set('3.3.4.a', v.get('3.3.4.b')! - int(0, 10));
    const carried = int(0, 60) * big;
    const fresh = isXa ? int(60, 900) : int(150, 5200);
    const online = Math.round(fresh * (0.35 + random() * 0.55));
    const received = carried + fresh;
    const resolved = received - int(0, Math.round(received * 0.1));
    const onTime = resolved - (random() < 0.4 ? int(0, Math.max(1, Math.round(resolved * 0.03))) : 0);
    const pending = received - resolved;
    const pendingLate = random() < 0.2 ? Math.min(pending, int(0, 4)) : 0;
    v.set('3.4.a', received).set('3.4.a.1', carried).set('3.4.a.2', fresh).set('3.4.a.3', online);
    v.set('3.4.b', resolved)
      .set('3.4.b.1', onTime)
      .set('3.4.b.2', resolved - onTime);
    v.set('3.4.c', pending)
      .set('3.4.c.1', pending - pendingLate)
      .set('3.4.c.2', pendingLate);
    v.set('3.4.d', Math.round(received * random() * 0.04));
    const land =
      isXa || agency.name.includes('Nông nghiệp và Môi trường') ? Math.round(resolved * (0.1 + random() * 0.3)) : 0;
    v.set('3.4.4.b', land).set('3.4.4.a', land - (land && random() < 0.3 ? int(0, Math.min(3, land)) : 0));
    const build = isXa || agency.name.includes('Xây dựng') ? Math.round(resolved * random() * 0.1) : 0;
    v.set('3.4.5.b', build).set('3.4.5.a', build - (build && random() < 0.2 ? 1 : 0));
    // 4. Organisation and staff
    v.set('4.2.1', isXa ? int(20, 23) : int(18, 85));
    v.set('4.2.2', v.get('4.2.1')! - int(0, 3));
    v.set('4.2.3', int(0, 5));
    v.set('4.2.4', int(0, 2));
    v.set('4.2.5.base', Math.round(v.get('4.2.1')! * (1.05 + random() * 0.12)));
    const ps = isXa ? 0 : int(0, 6) * 40;
    v.set('4.3.1', ps)
      .set('4.3.2', Math.max(0, ps - int(0, 8)))
      .set('4.3.3', ps ? int(0, 4) : 0)
      .set('4.3.4.base', Math.round(ps * (1.05 + random() * 0.1)));
    // 5. Civil service
    v.set('5.1.1', isXa ? 1 : int(1, 6))
      .set('5.1.2', isXa ? int(0, 2) : int(0, 8))
      .set('5.1.3', 0);
    v.set('5.2.1', int(0, isXa ? 1 : 5))
      .set('5.2.2', 0)
      .set('5.2.3', int(0, 1))
      .set('5.2.4', int(0, isXa ? 0 : 12))
      .set('5.2.5', 0);
    v.set('5.3.1', random() < 0.2 ? 1 : 0)
      .set('5.3.2', int(0, isXa ? 0 : 1))
      .set('5.3.3', int(0, isXa ? 0 : 3));
    v.set('5.4.1', 0)
      .set('5.4.2', 0)
      .set('5.4.3', random() < 0.1 ? 1 : 0)
      .set('5.4.4', int(0, 1));
    // 6. Public finance
    v.set('6.1', int(0, isXa ? 0 : 1))
      .set('6.2', int(0, isXa ? 0 : 2))
      .set('6.3', int(0, isXa ? 1 : 5))
      .set('6.4', int(0, isXa ? 2 : 6))
      .set('6.5', 0);
    // 7. E-government (documents and online dossiers are everyone's; the rest is the owner's)
    const docs = isXa ? int(150, 900) : int(400, 6000);
    v.set('7.6.2', docs)
      .set('7.6.2.1.a', Math.round(docs * (0.82 + random() * 0.17)))
      .set('7.6.2.2.a', Math.round(docs * random() * 0.02));
    const l3 = Math.round(fresh * 0.3);
    const l4 = Math.round(fresh * 0.5);
    v.set('7.8.3.b', l3).set('7.8.3.a', Math.round(l3 * random() * 0.5));
    v.set('7.8.4.b', l4).set('7.8.4.a', Math.round(l4 * (0.3 + random() * 0.6)));
    // Owner rows, for the designated agencies only.
    const owned = (code: string) => settings.owners[code] === agency.name;
    if (owned('3.1.3')) v.set('3.1.3.1', 1342).set('3.1.3.3', 298).set('3.1.3', 1640);
    // Province-wide counts of procedures (seed 000: 991 publicised on the national portal).
    const procedures: [string, number][] = [
      ['3.1.1', 48],
      ['3.1.2', 31],
      ['3.2.1', 991],
      ['3.2.2', 684],
      ['3.3.1', 52],
      ['3.3.2', 118],
      ['3.5.1', 991],
      ['3.5.2', 684],
      ['3.5.3', 412],
      ['7.8.1', 762],
      ['7.8.2', 805],
    ];
    for (const [code, n] of procedures) if (owned(code)) v.set(code, n);
    if (owned('4.1.1')) v.set('4.1.1', 14).set('4.1.2', 1).set('4.1.3', 6);
    if (owned('4.1.4'))
      v.set('4.1.4.1', 21).set('4.1.4.2', 187).set('4.1.4.3', 396).set('4.1.4', 604).set('4.1.4.4', 14.2);
    if (owned('7.1')) {
      v.set('7.1', 1).set('7.2', 2).set('7.3', 2).set('7.4', 100).set('7.5', 2);
      v.set('7.6.1.1', 100).set('7.6.1.3', 100).set('7.7.1', 100).set('7.7.3', 98.5);
    }

    // What is typed: cleanly for most rows, the Vietnamese way for some ("12,5%"), and now and then
    // a count held as text ("1.949", "02"), which validation warns about at its cell.
    const rows = formRows(catalog, settings, agency);
    const typed = new Map<string, CellInput>();
    for (const { ind, mode } of rows) {
      if (!isValueRow(ind) || mode.kind !== 'input') continue;
      const x = v.get(ind.code);
      if (x === undefined) continue;
      if (mode.formula) continue; // computed in the sheet from its counts
      if (ind.kind === 'code')
        typed.set(ind.code, random() < 0.5 ? answerChoice(ind.answers.find((a) => a.code === x)!) : x);
      else if (ind.kind === 'percent') typed.set(ind.code, random() < 0.5 ? formatPercent(x) : x / 100);
      else if (x >= 1000 && random() < 0.03) typed.set(ind.code, formatNumber(x));
      else if (x < 10 && random() < 0.01) typed.set(ind.code, `0${x}`);
      else typed.set(ind.code, x);
    }

    const mistakes: string[] = [];
    let sent = random() >= notSentShare;
    const late = random() < lateShare;
    let sentOn: IsoDate | null = sent ? addDays(settings.deadline, late ? int(1, 6) : -int(0, 5)) : null;
    if (random() < mistakeShare) {
      const m = MISTAKES[nextMistake++ % MISTAKES.length]; // round robin: every kind shows up
      switch (m) {
        case 'typo-decimal':
          typed.set('3.4.a.2', `${Math.floor(fresh / 1000) || 1}.${String(fresh % 1000).padStart(3, '0')}73`);
          mistakes.push('số hồ sơ mới tiếp nhận gõ nhầm kiểu "1.93673"');
          break;
        case 'total-mismatch':
          typed.set('3.4.a', received - int(20, 180));
          mistakes.push('tổng hồ sơ tiếp nhận không bằng kỳ trước chuyển qua + mới tiếp nhận');
          break;
        case 'percent-disagrees':
          typed.set('7.8.3', '41,01%');
          mistakes.push('tỷ lệ hồ sơ xử lý trực tuyến (7.8.3) ghi tay, không khớp với số hồ sơ');
          break;
        case 'negative':
          typed.set('2.3', -int(1, 5));
          mistakes.push('số âm ở số VBQPPL đã rà soát');
          break;
        case 'text-in-number':
          typed.set('1.1.3', 'không có');
          mistakes.push('chữ "không có" trong ô số liệu');
          break;
        case 'owner-row':
          if (settings.owners['3.1.3'] !== agency.name) {
            typed.set('3.1.3', int(30, 120));
            mistakes.push('tự ghi số TTHC đang có hiệu lực (do Văn phòng UBND tỉnh cung cấp)');
          }
          break;
        case 'sent-no-date':
          sent = true;
          sentOn = null;
          mistakes.push('đánh dấu "Đã gửi" nhưng không ghi ngày gửi');
          break;
      }
    }
    const freeText: Record<FreeTextField, string> = {
      highlights: random() < 0.5 ? pick(HIGHLIGHTS) : '',
      difficulties: random() < 0.4 ? pick(DIFFICULTIES) : '',
      proposals: random() < 0.25 ? pick(PROPOSALS) : random() < 0.3 ? 'Không' : '',
    };
    return {
      agency,
      values: typed,
      sent,
      sentOn,
      preparer: `${pick(SURNAMES)} ${pick(GIVEN)}`,
      phone: `0${int(200, 299)}${int(3800000, 3899999)}`,
      freeText,
      mistakes,
    };
  });
  return { settings, fills };
}

/**
 * Types one agency's figures into its freshly generated tab, in four range writes: the status
 * block, the Số liệu column (formulas kept), and the free-text answers.
 */
export function writeFill(wb: WorkbookPort, catalog: Catalog, settings: Settings, fill: AgencyFill): void {
  const { plan, layout } = agencyTabPlan(catalog, settings, fill.agency);
  const first = Math.min(...layout.codeRows.values());
  const last = Math.max(...layout.codeRows.values());
  const column: CellInput[][] = [];
  for (let r = first; r <= last; r++) {
    const planned = plan.rows[r - 1]?.[3]?.v ?? null;
    const code = [...layout.codeRows].find(([, row]) => row === r)?.[0];
    const typed = code ? fill.values.get(code) : undefined;
    column.push([typed !== undefined ? typed : planned]);
  }
  wb.writeCells(fill.agency.sheet, a1Range(first, 4, last - first + 1, 1), column);
  const status = parseA1(layout.headerCells.status).row;
  wb.writeCells(fill.agency.sheet, a1Range(status, 3, 4, 1), [
    [fill.sent ? STATUS_SENT : STATUS_DRAFT],
    [fill.sentOn ? { date: fill.sentOn } : null],
    [fill.preparer],
    [fill.phone],
  ]);
  for (const k of Object.keys(layout.freeTextCells) as FreeTextField[]) {
    if (fill.freeText[k]) wb.writeCells(fill.agency.sheet, layout.freeTextCells[k], [[fill.freeText[k]]]);
  }
}
