/**
 * The province's report (or any consolidator's): the narrative built from the consolidated
 * summary, the agencies' free text quoted by section, the comparison with a previous summary when
 * one is attached, and Phụ lục I (submissions) and II (statistics).
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { Summary, isVertical, provinceCoverage } from '../figures/consolidate';
import { tierOfType } from '../settings';
import { IsoDate, formatDmy } from '../primitives/dates';
import { formatNumber } from '../primitives/numbers';
import { districtLevelExists, estimateNotice, inText, onlineWords } from '../periods';
import { saidAppendix, submissionAppendix, summaryAppendix } from './appendix';
import { FREE_TEXT_LABELS } from '../form/template';
import { saidBy, sectionIII, sectionIV, sectionV } from './assessment';
import { draftFindings, noteFindings } from './consistency';
import {
  Figures,
  Template,
  body,
  codedSentence,
  heading,
  listInWords,
  rate,
  say,
  sentence,
  summaryFigure,
  summaryFigures,
  todo,
  valueOfFigure,
} from './figures';
import { Agency } from '../settings';
import { valueOf } from '../form/parse';
import { Issuer, cellPara, document, closing, lowerFirst, opening } from './layout';
import { consolidatorHead } from './issuers';
import { Block, Para, ReportModel, Run } from './model';
import { PreviousSummary } from './previous';
import { compared, ComparedItem, comparedWith, comparison } from './comparison';
import { Province } from './province-figures';
import {
  DIRECTIVES,
  ONLINE,
  PLAN,
  RESOLVED,
  AUTONOMY,
  DOCUMENTS,
  HO_SO,
  LEGAL,
  ONE_STOP,
  PAYROLL,
  PORTAL,
  POSTAL,
  PUBLISHED,
  RECRUITED,
  REVIEWED,
  STAFF,
} from './outline';

export interface ReportContext {
  readonly catalog: Catalog;
  readonly summary: Summary;
  /** The date printed on the report when the settings give none. */
  readonly today: IsoDate;
  readonly stamp: string;
  /** The previous period's summary, already checked (checkPrevious); absent: no comparison. */
  readonly previous?: PreviousSummary | null;
}

export function reportDate(ctx: ReportContext): IsoDate {
  return ctx.summary.settings.reportDate ?? ctx.today;
}

export function provinceIssuer(ctx: ReportContext): Issuer {
  const st = ctx.summary.settings;
  return {
    ...consolidatorHead(st), // "ỦY BAN NHÂN DÂN" over "TỈNH VĨNH LONG", by the kind of body (issuers.ts)
    place: st.place,
    date: reportDate(ctx),
    dayBlank: !ctx.summary.settings.reportDate,
    authority: st.authority,
    signerTitle: st.signerTitle,
    signerName: st.signerName,
    recipients: st.recipients,
  };
}

export function buildProvinceReport(ctx: ReportContext): ReportModel {
  const s = ctx.summary;
  const st = s.settings;
  const previous = ctx.previous ?? null;
  const p: Province = {
    s,
    f: summaryFigures(s),
    previous,
    compared: previous ? comparedWith(previous, st) : null,
    catalog: ctx.catalog,
  };
  const issuer = provinceIssuer(ctx);
  const periodText = inText(st.period);
  const blocks: Block[] = [];
  opening(blocks, issuer, `Kết quả thực hiện công tác cải cách hành chính ${periodText}`);
  // The basis is the Ministry's guidance in force; one Thiết lập does not name is a placeholder.
  const guidance = st.guidance.replace(/[.;]\s*$/, '');
  blocks.push(
    body([
      { text: 'Thực hiện ' },
      guidance ? { text: guidance } : todo('văn bản hướng dẫn của Bộ Nội vụ: số, ngày, trích yếu'),
      {
        // The issuer's name is a proper name and keeps its capitals (seed 002: "…, Ủy ban nhân dân tỉnh …").
        text: `, ${st.issuingBody} báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} như sau:`,
      },
    ]),
  );
  if (estimateNotice(st.deadline, st.period.to))
    blocks.push(
      body([
        {
          text: `Số liệu trong báo cáo tính đến ngày các cơ quan, đơn vị gửi báo cáo (hạn ${formatDmy(st.deadline)}) và ước tính đến ngày ${formatDmy(st.period.to)}.`,
        },
      ]),
    );
  coverage(blocks, s);
  noteFindings(blocks, draftFindings(s), (section) => !['', '3', '7'].includes(section));
  sectionI(blocks, p);
  sectionII(blocks, p);
  sectionIII(blocks, p);
  sectionIV(blocks, p);
  sectionV(blocks, p);
  blocks.push(
    body([
      {
        text: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} của ${lowerFirst(st.issuingBody)}./.`,
      },
    ]),
  );
  closing(blocks, issuer);
  submissionAppendix(blocks, issuer, s, 'Phụ lục I');
  summaryAppendix(blocks, issuer, s, previous, p.compared);
  saidAppendix(
    blocks,
    issuer,
    (['highlights', 'difficulties', 'proposals'] as const).map(
      (k) =>
        [
          FREE_TEXT_LABELS[k],
          // A count several agencies wrote alike is each one's own, not their total.
          saidBy(s, k).map((m) => (m.each ? { ...m, text: `${m.text} (số liệu của mỗi đơn vị)` } : m)),
        ] as const,
    ),
  );
  return document(`Dự thảo Báo cáo CCHC ${periodText.replace(/^./, (c) => c.toUpperCase())} - ${ctx.stamp}`, blocks);
}

/**
 * Coverage out of the province's own agencies (DOMAIN.md, "What the draft says"): "Báo cáo tổng hợp
 * số liệu của 44/56 cơ quan, đơn vị (sở, ban, ngành và UBND cấp xã); chưa có số liệu của 12 cơ quan,
 * đơn vị: … (chưa gửi báo cáo); … (số liệu đang được rà soát, hoàn thiện)". The vertical agencies are
 * counted apart, as their figures are (mục II.2); no check result is named in a report.
 */
function coverage(blocks: Block[], s: Summary): void {
  const own = s.submission.filter((e) => !isVertical(e.agency));
  const c = provinceCoverage(s);
  const notSent = own.filter((e) => !e.submitted).map((e) => e.agency.name);
  const reviewed = own.filter((e) => e.submitted && !e.included).map((e) => e.agency.name);
  const runs: Run[] = [
    { text: 'Báo cáo tổng hợp số liệu của ' },
    { text: `${c.used}/${c.of}`, bold: true },
    { text: ` cơ quan, đơn vị (${tiersOf(own.map((e) => e.agency))})` },
  ];
  if (notSent.length + reviewed.length) {
    const why = [
      ...(notSent.length ? [`${notSent.join(', ')} (chưa gửi báo cáo)`] : []),
      ...(reviewed.length ? [`${reviewed.join(', ')} (số liệu đang được rà soát, hoàn thiện)`] : []),
    ];
    runs.push({ text: `; chưa có số liệu của ${notSent.length + reviewed.length} cơ quan, đơn vị: ${why.join('; ')}` });
  }
  runs.push({ text: '.' });
  const vertical = s.submission.filter((e) => isVertical(e.agency)).length;
  if (vertical)
    runs.push({
      text: ` Kết quả giải quyết thủ tục hành chính của ${vertical} cơ quan ngành dọc được báo cáo riêng tại mục II.2, không tính vào số liệu chung của tỉnh.`,
    });
  runs.push({ text: ' Chi tiết tình hình gửi báo cáo tại Phụ lục I, số liệu tổng hợp tại Phụ lục II kèm theo.' });
  blocks.push(body(runs));
}

/** "sở, ban, ngành và UBND cấp xã": the kinds of the province's own agencies that were asked. */
function tiersOf(agencies: readonly Agency[]): string {
  const has = (...types: string[]) => agencies.some((a) => types.includes(a.type));
  return listInWords([
    ...(has('so', 'khac') ? ['sở, ban, ngành'] : []),
    ...(has('huyen') ? ['UBND cấp huyện'] : []),
    ...(has('xa') ? ['UBND cấp xã'] : []),
  ]);
}

/** The province's draft writes every sentence of the outline, missing figures as placeholders. */
function sayAll(blocks: Block[], f: Figures, templates: readonly Template[]): number {
  return say(blocks, f, templates, { keep: true });
}

const optional = (t: Template | null): Template[] => (t ? [t] : []);

/**
 * How many of the agencies with figures answered a coded row a given way, out of those that gave an
 * answer (not of everyone asked: the coverage paragraph gives that): "Trong số 44 cơ quan, đơn vị
 * được tổng hợp số liệu, có 31 cơ quan, đơn vị đã tổ chức đối thoại …"; none: "chưa có … nào".
 */
function counted(s: Summary, code: string, label: string, what: string): Template | null {
  const r = s.indicators.get(code);
  if (!r) return null;
  if (!r.distribution || !r.contributors.length)
    return [`Số cơ quan, đơn vị đã ${what}: {n}.`, { n: summaryFigure(s, r) }];
  const n = r.distribution[label] ?? 0;
  const fig = (x: number) => ({ value: x, text: formatNumber(x) });
  return [
    `Trong số {given} cơ quan, đơn vị được tổng hợp số liệu, ⟨có {n} cơ quan, đơn vị đã ${what}||chưa có cơ quan, đơn vị nào ${what}⟩.`,
    { given: fig(r.contributors.length), n: fig(n) },
  ];
}

/**
 * The comparison with the previous summary, like with like (previous.ts: over the agencies in both
 * periods, or with both coverages beside every change); nothing without a previous summary or
 * nothing to compare.
 */
function compare(blocks: Block[], p: Province, items: readonly ComparedItem[]): void {
  if (!p.previous) return;
  const runs = comparison(p.catalog, p.s, p.previous, items);
  if (runs) blocks.push(body(runs));
}

function sectionI(blocks: Block[], p: Province): void {
  const { f } = p;
  blocks.push(heading('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'));
  const planned = valueOfFigure(f, '1.1.1');
  const done = valueOfFigure(f, '1.1.2');
  sayAll(blocks, f, [
    [PLAN('các cơ quan, đơn vị'), { rate: rate(done, planned) }],
    DIRECTIVES('Các cơ quan, đơn vị'),
    ...optional(counted(p.s, '1.2', 'Có', 'tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp')),
  ]);
  blocks.push(
    body([
      todo(
        'Bổ sung: các văn bản chỉ đạo, điều hành tiêu biểu; công tác tuyên truyền, kiểm tra cải cách hành chính trong kỳ',
      ),
    ]),
  );
}

/**
 * Phrases that named districts before 01/07/2025; the two-level catalog rewords the same rows. The
 * leaders disciplined (5.4.2, summed over the agencies asked) are named by the tiers on the roster.
 */
function levels(s: Summary) {
  const two = !districtLevelExists(s.settings.period.to);
  const onRoster = new Set(s.submission.map((e) => tierOfType(e.agency.type)));
  const leaderTiers = (s.indicators.get('5.4.2')?.ind.appliesTo ?? []).filter((t) => onRoster.has(t));
  const leaders = leaderTiers.includes('huyen')
    ? leaderTiers.includes('so')
      ? 'lãnh đạo cấp sở, ngành và UBND cấp huyện'
      : 'lãnh đạo UBND cấp huyện'
    : 'lãnh đạo cấp sở, ngành';
  return {
    localUnits: two ? 'thuộc UBND cấp xã' : 'thuộc UBND cấp huyện',
    transferredTo: two ? 'công chức cấp tỉnh' : 'công chức cấp huyện trở lên',
    leaders,
    certified: two
      ? 'cơ quan chuyên môn cấp tỉnh, UBND cấp xã'
      : 'cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã',
  };
}

/** The province's own indicators ("Chỉ tiêu bổ sung" on Thiết lập), one sentence each. */
function provinceIndicators(blocks: Block[], p: Province): void {
  const rows = p.s.settings.extraIndicators.filter((i) => isValueRow(i) && p.s.indicators.has(i.code));
  if (!rows.length) return;
  blocks.push(heading('7. Các chỉ tiêu bổ sung của tỉnh'));
  sayAll(
    blocks,
    p.f,
    rows.map((i) => `${i.name}: {${i.code}}${i.kind === 'count' ? ` ${i.unit.toLocaleLowerCase('vi')}` : ''}.`),
  );
}

/**
 * Vertical agencies (ngành dọc) in a paragraph and a table of their own, as seed 000 reports them:
 * their hồ sơ are not the province's and stay out of its totals and rates.
 */
function verticalAgencies(blocks: Block[], p: Province): void {
  const entries = p.s.submission.filter((e) => isVertical(e.agency));
  if (!entries.length) return;
  const vf = summaryFigures({ ...p.s, indicators: p.s.vertical });
  const names = entries.map((e) => e.agency.name);
  const missing = entries.filter((e) => !e.included).map((e) => e.agency.name);
  const intro = `Kết quả giải quyết thủ tục hành chính của các cơ quan ngành dọc trên địa bàn tỉnh (${names.join(', ')}; không tính vào số liệu chung của tỉnh): `;
  const runs = sentence(
    vf,
    `${intro}tiếp nhận {3.4.a} hồ sơ; ${RESOLVED}, tỷ lệ giải quyết đúng hạn đạt {rate}; đang giải quyết {3.4.c} hồ sơ.`,
    { rate: rate(valueOfFigure(vf, '3.4.b.1'), valueOfFigure(vf, '3.4.b')) },
  );
  if (runs) blocks.push(body(runs));
  else blocks.push(body([{ text: intro }, todo(`chưa có số liệu của ${names.join(', ')}`)]));
  if (runs && missing.length) blocks.push(body([todo(`Chưa có số liệu của ${missing.join(', ')}`)]));
  const header = ['Cơ quan', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn'];
  const rows: Para[][][] = [header.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  for (const e of entries) {
    const r = p.s.results.find((x) => x.agency.name === e.agency.name)?.report;
    const v = (code: string): number | null => (e.included && r ? valueOf(r, code) : null);
    const n = (code: string): string => {
      const x = v(code);
      return x === null ? '' : formatNumber(x);
    };
    rows.push([
      cellPara(e.agency.name),
      ...(e.included
        ? [
            cellPara(n('3.4.a'), { align: 'right' }),
            cellPara(n('3.4.b'), { align: 'right' }),
            cellPara(n('3.4.b.1'), { align: 'right' }),
            cellPara(n('3.4.b.2'), { align: 'right' }),
            cellPara(rate(v('3.4.b.1'), v('3.4.b')) ?? '', { align: 'right' }),
          ]
        : [cellPara(e.excludedReason ?? 'Chưa có số liệu'), cellPara(''), cellPara(''), cellPara(''), cellPara('')]),
    ]);
  }
  blocks.push({ kind: 'table', widths: [32, 14, 14, 13, 13, 14], rows, borders: true, headerRows: 1 });
}

function sectionII(blocks: Block[], p: Province): void {
  const { f } = p;
  const w = levels(p.s);
  const o = onlineWords(p.s.settings.period.to);
  blocks.push(heading('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'));

  blocks.push(heading('1. Cải cách thể chế'));
  sayAll(blocks, f, [LEGAL(''), REVIEWED]);

  blocks.push(heading('2. Cải cách thủ tục hành chính'));
  sayAll(blocks, f, [
    PUBLISHED,
    'Tổng số thủ tục hành chính đang có hiệu lực là {3.1.3} thủ tục (cấp tỉnh {3.1.3.1}[, cấp huyện {3.1.3.2}], cấp xã {3.1.3.3}).',
    PORTAL(o),
    ONE_STOP,
    HO_SO('Về kết quả giải quyết thủ tục hành chính, các cơ quan, đơn vị'),
    POSTAL,
    // A tier's rate is said only where that tier is on the roster (a 2020 book has no UBND cấp xã).
    'Tỷ lệ hồ sơ giải quyết đúng hạn:[ tại các sở, ngành đạt {3.4.1};][ tại UBND cấp huyện đạt {3.4.2};][ tại UBND cấp xã đạt {3.4.3};] lĩnh vực đất đai đạt {3.4.4}; lĩnh vực xây dựng đạt {3.4.5}.',
    `Cổng Dịch vụ công của tỉnh đã tích hợp {3.5.1} thủ tục hành chính, cung cấp {3.5.2} thủ tục ${o.both}; {3.5.3} thủ tục đã tích hợp thanh toán trực tuyến.`,
  ]);
  compare(blocks, p, compared(o).procedures);
  verticalAgencies(blocks, p);
  noteFindings(blocks, draftFindings(p.s), (section) => section === '3');

  blocks.push(heading('3. Cải cách tổ chức bộ máy hành chính nhà nước'));
  sayAll(blocks, f, [
    'Tổ chức bộ máy gồm {4.1.1} cơ quan chuyên môn cấp tỉnh, {4.1.2} ban quản lý trực thuộc UBND tỉnh và {4.1.3} tổ chức liên ngành do cấp tỉnh thành lập.',
    `Trên địa bàn tỉnh có {4.1.4} đơn vị sự nghiệp công lập (thuộc UBND tỉnh {4.1.4.1}, thuộc sở, ngành {4.1.4.2}[, ${w.localUnits} {4.1.4.3}]); tỷ lệ đơn vị sự nghiệp công lập đã cắt giảm so với năm 2015 là {4.1.4.4}.`,
    STAFF('cơ quan hành chính'),
    PAYROLL(''),
  ]);

  blocks.push(heading('4. Cải cách chế độ công vụ'));
  sayAll(blocks, f, [
    'Có {5.1.1} cơ quan, tổ chức hành chính và {5.1.2} đơn vị sự nghiệp đã được phê duyệt vị trí việc làm; {~5.1.3} cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra.',
    RECRUITED(`⟨ {5.2.3} cán bộ, công chức cấp xã được xét chuyển thành ${w.transferredTo};⟩`),
    ...optional(counted(p.s, '5.3.1', 'Đã thực hiện', 'thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển')),
    '⟨Bổ nhiệm mới ::{5.3.2} lãnh đạo cấp sở, ngành|{5.3.3} lãnh đạo cấp phòng thuộc sở, ngành[|{5.3.4} lãnh đạo cấp phòng thuộc UBND cấp huyện]||Trong kỳ không có lãnh đạo được bổ nhiệm mới⟩.',
    `Về kỷ luật, ⟨có ::{5.4.1} lãnh đạo cấp tỉnh|{5.4.2} ${w.leaders}|{5.4.3} lãnh đạo cấp phòng|{5.4.4} người làm việc tại đơn vị sự nghiệp công lập||không có cán bộ, công chức, viên chức⟩ bị kỷ luật.`,
  ]);

  blocks.push(heading('5. Cải cách tài chính công'));
  sayAll(blocks, f, [AUTONOMY]);

  blocks.push(heading('6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số'));
  const coded = codedSentence(f, ['7.1', '7.2', '7.3', '7.5']);
  if (coded) blocks.push(body(coded));
  sayAll(blocks, f, [
    `Tỷ lệ ${w.certified} được cấp chứng thư số đạt {7.4}.`,
    'Kết nối, liên thông Hệ thống quản lý văn bản điều hành: {7.6.1.1} sở, ngành;[ {7.6.1.2} UBND cấp huyện;] {7.6.1.3} UBND cấp xã.',
    DOCUMENTS(' giữa các cơ quan nhà nước'),
    'Hệ thống thông tin một cửa điện tử tập trung của tỉnh đã kết nối liên thông với {7.7.1} sở, ngành[, {7.7.2} đơn vị cấp huyện] và {7.7.3} đơn vị cấp xã.',
    `Toàn tỉnh cung cấp {7.8.1} thủ tục hành chính trực tuyến ${o.partial} và {7.8.2} thủ tục ${o.full}; t${ONLINE(o)}`,
  ]);
  compare(blocks, p, compared(o).digital);
  noteFindings(blocks, draftFindings(p.s), (section) => section === '7');
  provinceIndicators(blocks, p);
}
