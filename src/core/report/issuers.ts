/**
 * Who issues a report, by kind of issuing body (shared/spec/DOMAIN.md, "Who issues a report";
 * Nghị định 30/2020, Phụ lục I, II.2–II.5): one rule per kind gives the parent line, the issuer's
 * own line(s), the symbol after "BC-", the place on the date line and the usual signer block.
 * The agency table in Thiết lập shows the parent body and the symbol's abbreviation with these
 * defaults, and what a person types there wins.
 */
import { Agency, Settings } from '../settings/model';
import { squish } from '../primitives/text';
import { Issuer } from './layout';

export type IssuerKind =
  | 'ubnd-tinh'
  | 'so'
  | 'vp-ubnd'
  | 'thanh-tra'
  | 'ban'
  | 'vp-doan'
  | 'ubnd-xa'
  | 'ubnd-huyen'
  | 'cong-an'
  | 'bhxh'
  | 'thue'
  | 'kho-bac'
  | 'khac';

/** What a rule knows of the body it heads: its name as written and the province around it. */
interface Who {
  /** The body's name, squished, as Thiết lập writes it ("Công an tỉnh", "UBND xã Long Hòa"). */
  readonly name: string;
  /** The province's name ("Vĩnh Long"), as the settings' place gives it. */
  readonly province: string;
  /** The province's committee as a parent line reads it: "UBND tỉnh Vĩnh Long". */
  readonly provinceBody: string;
}

interface Rule {
  readonly kind: IssuerKind;
  /** The body's name, for the kinds a name tells (committees are told by their agency type). */
  readonly named?: RegExp;
  /** The parent line, mixed case ("UBND tỉnh Vĩnh Long"); empty: none (a committee heads itself). */
  readonly parent: (w: Who) => string;
  /** The issuer's own line(s), mixed case; the header writes them in capitals. */
  readonly lines: (w: Who) => string[];
  /** The abbreviation after "BC-" ("STP"); null: the issuer's own, unknown here (a placeholder). */
  readonly symbol: (w: Who) => string | null;
  /** The administrative unit where the issuer sits, for the date line. */
  readonly place: (w: Who) => string;
  /** The usual signer block: authority over title ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"). */
  readonly signer: (w: Who) => readonly [string, string];
}

const UBND = /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+/i;
/** "tỉnh" or "thành phố" at the end of a name that leaves the province out ("Công an tỉnh"). */
const LEVEL_ONLY = /\s(tỉnh|thành phố)$/i;
/** A province's name after its level, at the end of a name ("Sở Tư pháp tỉnh Vĩnh Long"). */
const PROVINCE_SUFFIX = /\s+(tỉnh|thành phố)(\s+\S+)*$/i;

/** "Công an tỉnh" -> "Công an tỉnh Vĩnh Long": a body named only for its level takes the province's name. */
function withProvince(w: Who): string {
  return LEVEL_ONLY.test(w.name) && w.province ? `${w.name} ${w.province}` : w.name;
}

/** Initials of a name without its province: "Sở Văn hóa, Thể thao và Du lịch" -> "SVHTTDL" (seed 003: STTTT). */
function initials(name: string): string {
  return name
    .replace(PROVINCE_SUFFIX, '')
    .replace(/[,;.()–-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w.toLocaleLowerCase('vi') !== 'và')
    .map((w) => (/^ngoại$/i.test(w) ? 'Ng' : w.charAt(0).toLocaleUpperCase('vi'))) // Sở Ngoại vụ: SNgV, not Sở Nội vụ's SNV
    .join('');
}

/** "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh" -> "Đoàn ĐBQH và HĐND tỉnh Vĩnh Long". */
function councilOf(w: Who): string {
  const body = withProvince({ ...w, name: w.name.replace(/^Văn phòng\s+/i, '') });
  return body
    .replace(/đại biểu Quốc hội/gi, 'ĐBQH')
    .replace(/Hội đồng nhân dân/gi, 'HĐND')
    .replace(/^Đoàn\s+ĐBQH/i, 'Đoàn ĐBQH');
}

/** A committee's own unit, as its second header line writes it: "xã Long Hòa", "Phường 1". */
function unitOf(w: Who): string {
  return w.name.replace(UBND, '');
}

/**
 * A committee's place: its unit's name without the level ("Long Hòa", "Càng Long"); a unit named
 * by a number keeps its word ("Phường 1", "Quận 3").
 */
function unitPlace(w: Who): string {
  const unit = unitOf(w);
  if (/^(phường|quận)\s+\d/i.test(unit)) return unit;
  return unit.replace(/^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố)\s+/i, '') || w.province;
}

const inProvince = (w: Who) => w.province;
const underProvince = (w: Who) => w.provinceBody;
const deputy = (head: string) => (): readonly [string, string] => [`KT. ${head}`, `PHÓ ${head}`];
const committee = (): readonly [string, string] => ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];

/** First match wins; committees are matched by their agency type before any name. */
export const ISSUER_RULES: readonly Rule[] = [
  {
    kind: 'ubnd-xa',
    named: /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(xã|phường|thị trấn|đặc khu)\s/i,
    parent: () => '',
    lines: (w) => ['Ủy ban nhân dân', unitOf(w)],
    symbol: () => 'UBND',
    place: unitPlace,
    signer: committee,
  },
  {
    kind: 'ubnd-huyen',
    named: /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(huyện|quận|thị xã)\s/i,
    parent: () => '',
    lines: (w) => ['Ủy ban nhân dân', unitOf(w)],
    symbol: () => 'UBND',
    place: unitPlace,
    signer: committee,
  },
  {
    kind: 'ubnd-tinh',
    named: /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố)\s/i,
    parent: () => '',
    lines: (w) => ['Ủy ban nhân dân', unitOf(w)],
    symbol: () => 'UBND',
    place: (w) => w.province || unitPlace(w),
    signer: deputy('CHỦ TỊCH'),
  },
  {
    kind: 'vp-ubnd',
    named: /^Văn phòng\s+(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)/i,
    parent: underProvince,
    lines: () => ['Văn phòng'],
    symbol: () => 'VP',
    place: inProvince,
    signer: deputy('CHÁNH VĂN PHÒNG'),
  },
  {
    // The office serves the delegation and the council, so they head it, not UBND (ND 30, II.3).
    // Before the 2021 term a province's council had its own office: "HĐND TỈNH TRÀ VINH / VĂN PHÒNG".
    kind: 'vp-doan',
    named: /^Văn phòng\s+(Đoàn|HĐND|Hội đồng nhân dân)/i,
    parent: councilOf,
    lines: () => ['Văn phòng'],
    symbol: () => 'VP',
    place: inProvince,
    signer: deputy('CHÁNH VĂN PHÒNG'),
  },
  {
    kind: 'thanh-tra',
    named: /^Thanh tra\s/i,
    parent: underProvince,
    lines: (w) => [w.name],
    symbol: () => 'TTr',
    place: inProvince,
    signer: deputy('CHÁNH THANH TRA'),
  },
  {
    kind: 'ban',
    named: /^Ban\s/i,
    parent: underProvince,
    lines: (w) => [w.name],
    symbol: (w) => (/^Ban Quản lý/i.test(w.name) ? 'BQL' : initials(w.name)),
    place: inProvince,
    signer: deputy('TRƯỞNG BAN'),
  },
  {
    // Vertical agencies answer to their ministry or central body, not to the province (ND 30: the
    // direct parent); their own symbol (Công an: "CAT-…" with a unit) is theirs to give.
    kind: 'cong-an',
    named: /^Công an\s/i,
    parent: () => 'Bộ Công an',
    lines: (w) => [withProvince(w)],
    symbol: () => null,
    place: inProvince,
    signer: deputy('GIÁM ĐỐC'),
  },
  {
    kind: 'bhxh',
    named: /^Bảo hiểm xã hội\s/i,
    parent: () => 'Bảo hiểm xã hội Việt Nam',
    lines: (w) => [withProvince(w)],
    symbol: () => 'BHXH',
    place: inProvince,
    signer: deputy('GIÁM ĐỐC'),
  },
  {
    // Tax: until 28/02/2025 a province had "Cục Thuế tỉnh …" under Tổng cục Thuế. Quyết định
    // 381/QĐ-BTC turned Tổng cục Thuế into Cục Thuế (Bộ Tài chính) from 01/03/2025, and Quyết định
    // 2229/QĐ-BTC set up 34 "Thuế tỉnh, thành phố" under it from 01/07/2025, each headed by a
    // Trưởng Thuế tỉnh. So a "Thuế tỉnh" (or a "Chi cục Thuế khu vực" of 03–06/2025) writes CỤC THUẾ
    // above itself, and an older "Cục Thuế tỉnh" writes TỔNG CỤC THUẾ.
    kind: 'thue',
    named: /^(Cục Thuế|Chi cục Thuế|Thuế)\s/i,
    parent: (w) => (/^Cục Thuế/i.test(w.name) ? 'Tổng cục Thuế' : 'Cục Thuế'),
    lines: (w) => [withProvince(w)],
    symbol: () => null,
    place: inProvince,
    signer: (w) =>
      /^Cục Thuế/i.test(w.name)
        ? deputy('CỤC TRƯỞNG')()
        : /^Chi cục/i.test(w.name)
          ? deputy('CHI CỤC TRƯỞNG')()
          : deputy('TRƯỞNG THUẾ TỈNH')(),
  },
  {
    // Kho bạc Nhà nước khu vực (from 01/03/2025, one region over several provinces): its place is
    // where it sits, the province here unless a person writes otherwise; its symbol is its own.
    kind: 'kho-bac',
    named: /^Kho bạc\s/i,
    parent: () => 'Kho bạc Nhà nước',
    lines: (w) => [withProvince(w)],
    symbol: () => null,
    place: inProvince,
    signer: deputy('GIÁM ĐỐC'),
  },
  {
    kind: 'so',
    named: /^Sở\s/i,
    parent: underProvince,
    lines: (w) => [w.name],
    symbol: (w) => initials(w.name),
    place: inProvince,
    signer: deputy('GIÁM ĐỐC'),
  },
];

/** Any other body (a university, a centre): under the province, its symbol and signer left to fill. */
const OTHER: Rule = {
  kind: 'khac',
  parent: underProvince,
  lines: (w) => [w.name],
  symbol: () => null,
  place: inProvince,
  signer: (w) => (/^Cục\s/i.test(w.name) ? deputy('CỤC TRƯỞNG')() : ['', '']),
};

function ruleFor(name: string, type?: Agency['type']): Rule {
  const byKind = (k: IssuerKind) => ISSUER_RULES.find((r) => r.kind === k)!;
  if (type === 'xa') return byKind('ubnd-xa');
  if (type === 'huyen') return byKind('ubnd-huyen');
  const hit = ISSUER_RULES.find((r) => r.named?.test(name));
  // A vertical agency the rules do not know names its own parent in Thiết lập.
  if (!hit && type === 'nganh_doc') return { ...OTHER, parent: () => '' };
  return hit ?? OTHER;
}

export function issuerKind(name: string, type?: Agency['type']): IssuerKind {
  return ruleFor(squish(name), type).kind;
}

/**
 * The name of a body as written, kept capitalised in a sentence ("của Thuế tỉnh Vĩnh Long"):
 * every kind the rules name, and bodies of the other kinds people list.
 */
export function isBodyName(text: string): boolean {
  const t = squish(text);
  return (
    ISSUER_RULES.some((r) => r.named?.test(t)) ||
    /^(Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đoàn|Văn phòng|Cục|Chi cục|Bộ|Tổng cục|Ngân hàng|Đại học|Trường|Trung tâm|Bệnh viện|Viện|Tòa án|Toà án|Quỹ|Liên đoàn|Hội)\s/.test(
      t,
    )
  );
}

/** "Ủy ban nhân dân tỉnh Trà Vinh" -> "UBND tỉnh Trà Vinh", as a parent line reads. */
export function shortBody(name: string): string {
  return squish(name).replace(UBND, 'UBND ');
}

/** The body above every provincial agency: the consolidator's own parent, or the consolidator itself. */
export function provinceBody(settings: Pick<Settings, 'parentBody' | 'issuingBody'>): string {
  return squish(settings.parentBody) || squish(settings.issuingBody);
}

function whoOf(name: string, settings: Pick<Settings, 'parentBody' | 'issuingBody' | 'place'>): Who {
  return { name: squish(name), province: squish(settings.place), provinceBody: shortBody(provinceBody(settings)) };
}

/** "BC-STP", "/BC-STP" or "STP" as typed -> "STP"; blank -> null. */
export function symbolOf(typed: string): string | null {
  const s = squish(typed)
    .replace(/^(\d*\s*\/\s*)?BC\s*-\s*/i, '')
    .replace(/^[-/\s]+/, '');
  return s || null;
}

/** "15/BC-SNV", "/BC-UBND" as typed; null when it carries no symbol ("", "/BC-"): a placeholder then. */
function docNumberOf(typed: string): string | null {
  const n = squish(typed);
  return /BC\s*-\s*\S/i.test(n) ? n : null;
}

/** The agency's name in sentences: a committee as "UBND xã …", a body named for its level with the province. */
export function issuerName(agency: Agency, settings: Pick<Settings, 'place'>): string {
  const name = squish(agency.name);
  const kind = issuerKind(name, agency.type);
  if (kind === 'ubnd-xa' || kind === 'ubnd-huyen') return UBND.test(name) ? name : `UBND ${name}`;
  if (agency.type === 'nganh_doc') return withProvince({ name, province: squish(settings.place), provinceBody: '' });
  return name;
}

type Defaults = Pick<Settings, 'parentBody' | 'issuingBody' | 'place'>;

/** What Thiết lập's agency table shows before anyone edits it: the rule's parent body and abbreviation. */
export function agencyDefaults(agency: Agency, settings: Defaults): { parentBody: string; symbol: string } {
  const w = whoOf(issuerName(agency, settings), settings);
  const rule = ruleFor(w.name, agency.type);
  return { parentBody: rule.parent(w), symbol: rule.symbol(w) ?? '' };
}

/** The header and signer block of an agency's report, by its kind; Thiết lập's own columns win. */
export function agencyHead(
  agency: Agency,
  settings: Defaults,
): Pick<Issuer, 'parentBody' | 'issuingBody' | 'headerLines' | 'docNumber' | 'place' | 'authority' | 'signerTitle'> {
  const name = issuerName(agency, settings);
  const w = whoOf(name, settings);
  const rule = ruleFor(w.name, agency.type);
  const symbol = symbolOf(agency.symbol ?? '') ?? rule.symbol(w);
  const [authority, signerTitle] = rule.signer(w);
  return {
    parentBody: squish(agency.parentBody ?? '') || rule.parent(w),
    issuingBody: name,
    headerLines: rule.lines(w),
    docNumber: symbol ? `/BC-${symbol}` : null,
    place: rule.place(w),
    authority,
    signerTitle,
  };
}

/**
 * The consolidator's own header (the province's report): the settings' fields, with the issuer's
 * lines by its kind (UBND writes "ỦY BAN NHÂN DÂN" over "TỈNH VĨNH LONG") and, with no number
 * typed, the kind's symbol.
 */
export function consolidatorHead(
  st: Pick<Settings, 'parentBody' | 'issuingBody' | 'place' | 'docNumber'>,
): Pick<Issuer, 'parentBody' | 'issuingBody' | 'headerLines' | 'docNumber'> {
  const w = whoOf(st.issuingBody, st);
  const rule = ruleFor(w.name);
  const symbol = rule.symbol(w);
  return {
    parentBody: squish(st.parentBody),
    issuingBody: squish(st.issuingBody),
    headerLines: rule.lines(w),
    docNumber: docNumberOf(st.docNumber) ?? (squish(st.docNumber) || !symbol ? null : `/BC-${symbol}`),
  };
}
