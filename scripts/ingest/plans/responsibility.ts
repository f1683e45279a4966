/**
 * Reading a 责任单位 value: which units it names and in which role.
 * Rules (checked against every field block of the 2022 平顶山 plans; see unit-roles notes):
 * - comma groups (`，` `,` `；` `;`) and items (`、`) are split outside brackets, so
 *   `各县（市、区）人民政府` stays whole; items are further split on `及`, on `和` after 政府, and on
 *   `等` before 市直有关单位;
 * - role words and vague tails are stripped (`牵头`, `配合`, `按职责分工负责`, `等相关部门` …);
 * - when 牵头 occurs, in each group every item up to the last one marked 牵头 leads, all
 *   others support; with no 牵头 but a 配合, everyone supports; with neither, everyone is
 *   jointly responsible.
 */
import type { UnitRole } from '../../../src/schemas/index.ts';

export interface ResponsibilityItem {
  /** The item as printed, before suffix stripping (`市发改委牵头`). */
  raw: string;
  /** The unit name with role words removed, ready for the registry (`市发改委`). */
  name: string;
  role: UnitRole;
}

const LEAD = /牵头$/;
const SUPPORT = /(协同配合|配合|负责落实)$/;
/** Tails that say how, not who; removed before the name is looked up. Longest first. */
const NEUTRAL_TAILS = [
  '根据行业管理职责分工负责',
  '按职责分工负责',
  '按职责分工落实',
  '负责落实',
  '协同配合',
  '配合',
  '牵头',
];
const VAGUE_TAILS = ['等相关部门', '等有关部门', '等相关单位', '等部门', '等'];
/** Suffixes that end a unit name; an item without one borrows the next item's (城乡一体化示范区、高新区管委会). */
const SHARED_SUFFIXES = ['管委会'];
const ORG_ENDING = /(局|委|办|院|中心|公司|政府|部|会|处|行|分局|海关|社|室|所|站|队|单位|部门|机构|（市、区）|（市）|（区）)$/;

/** 市住房和城乡建设局（市房产事务服务中心） ends like an organisation: look before a closing parenthetical too. */
function endsLikeOrganisation(name: string): boolean {
  return ORG_ENDING.test(name) || ORG_ENDING.test(name.replace(/[（(][^（()）]*[）)]$/u, ''));
}

/** Splits `text` at any of `separators` that are not inside （）/() brackets. */
export function splitOutsideBrackets(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function splitJoinedUnits(item: string): string[] {
  // 及 and 政府和 join two units; 等 before 市直有关单位 ends a list and names a collective.
  return splitOutsideBrackets(item, '及')
    .flatMap((part) => part.split(/(?<=政府)和/u))
    .flatMap((part) => part.split(/等(?=市直有关单位)/u));
}

function stripTails(raw: string): string {
  let name = raw.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const tail of [...NEUTRAL_TAILS, ...VAGUE_TAILS]) {
      if (name.endsWith(tail) && name.length > tail.length) {
        name = name.slice(0, -tail.length);
        changed = true;
      }
    }
  }
  return name;
}

/**
 * Splits a 责任单位 value into units with roles. Pure: no registry lookup.
 * Whitespace inside the value is ignored (it never separates units in the sources).
 */
export function splitResponsibility(value: string): ResponsibilityItem[] {
  const compact = value.replace(/\s+/gu, '');
  const groups = splitOutsideBrackets(compact, '，,；;')
    .map((group) =>
      splitOutsideBrackets(group, '、')
        .flatMap(splitJoinedUnits)
        .filter((raw) => raw !== ''),
    )
    .filter((group) => group.length > 0);
  const anyLead = groups.some((group) => group.some((raw) => LEAD.test(raw)));
  const anySupport = groups.some((group) => group.some((raw) => SUPPORT.test(raw)));
  const items: ResponsibilityItem[] = [];
  for (const group of groups) {
    let lastLead = -1;
    group.forEach((raw, index) => {
      if (LEAD.test(raw)) lastLead = index;
    });
    group.forEach((raw, index) => {
      let role: UnitRole;
      if (anyLead) role = index <= lastLead ? 'lead' : 'support';
      else role = anySupport ? 'support' : 'responsible';
      items.push({ raw, name: stripTails(raw), role });
    });
  }
  // 城乡一体化示范区、高新区管委会: the first item shares the second's 管委会.
  for (let i = 0; i < items.length - 1; i++) {
    const item = items[i]!;
    const next = items[i + 1]!;
    const suffix = SHARED_SUFFIXES.find((s) => next.name.endsWith(s));
    if (suffix && !endsLikeOrganisation(item.name) && item.role === next.role) item.name += suffix;
  }
  return items.filter((item) => item.name !== '');
}
