/**
 * Which department reports answer which summary-table row.
 *
 * Rule (checked against the hand-made table in /work/shared/research/reports-structure.md §2):
 * a department report answers a row when
 *  (a) it names the row's problem: the longest run of characters it shares with the problem name
 *      covers at least 85 % of the name (附件5 names rows 6 and 10 word for word); quoting only the
 *      suggestion (附件12 “加大《条例》和惠企政策宣传”) or a topic (附件6 “融资难、融资贵”) is not enough;
 *  (b) one of its section headings is taken from the row's problem cell: the heading, without
 *      关于…(的)问题 framing and without cited titles (《…》, which name laws, not problems), shares a run of at least 60 % of its length (and ≥ 6 characters) with
 *      the cell (附件15 “监管信息共享不及时” → row 5; 附件10 “关于工程建设审批方面…‘多头跑’等问题” → row 2); or
 *  (c) its department is a listed 责任单位 of the row and it discusses the problem: it shares a run
 *      of at least DISCUSS_MIN characters with the problem name (附件17 misquotes row 3 as
 *      公用服务和“迎检”设施; 附件14 speaks of 融资难、融资贵 without naming row 4).
 * Compared after NFKC, without whitespace and quote marks, so half-width punctuation and layout
 * spaces do not matter. Differences from the research table, by this rule and on purpose:
 * 附件2 发改委 answers row 5 (listed; its section （九） is on “双随机、一公开”) and 附件16 税务局 answers
 * row 6 (listed; it shares 不动产登记 data with the housing department). A report that neither
 * names a problem nor is listed for it (附件11 交通运输局) answers no row.
 */
import { inkOf } from '../core/text.ts';

const NAMED_SHARE = 0.85;
const HEADING_SHARE = 0.6;
const HEADING_MIN = 6;
const DISCUSS_MIN = 5;

/** Length of the longest common substring of a short `needle` and a long `haystack`. */
export function longestSharedRun(needle: string, haystack: string): number {
  const a = [...needle];
  let best = 0;
  for (let start = 0; start < a.length; start++) {
    // Grow from `start` while the run still occurs; runs only need checking beyond `best`.
    let len = best + 1;
    while (start + len <= a.length && haystack.includes(a.slice(start, start + len).join(''))) {
      best = len;
      len++;
    }
  }
  return best;
}

export interface ReportForMatching {
  id: string;
  departmentId: string | null;
  /** All text of the report. */
  text: string;
  /** Titles of its section headings. */
  headings: string[];
}

export interface RowForMatching {
  problem: string;
  /** The whole 问题 cell. */
  problemText: string;
  unitIds: string[];
}

function comparable(text: string): string {
  return inkOf(text.normalize('NFKC')).replace(/["'“”‘’《》〈〉]/gu, '');
}

/** Cited titles (《…条例》) are references, not a problem's substance. */
function withoutCitedTitles(text: string): string {
  return text.replace(/《[^《》]*》/gu, '');
}

/** A heading's subject without its framing: 关于 … (的)问题 and the closing 。. */
function headingCore(title: string): string {
  return comparable(withoutCitedTitles(title))
    .replace(/^关于/u, '')
    .replace(/[。.:：]$/u, '')
    .replace(/(的)?问题$/u, '');
}

/** Ids of the department reports answering the row, in document order. */
export function reportsAnswering(row: RowForMatching, reports: ReportForMatching[]): string[] {
  const problem = comparable(row.problem);
  const cell = comparable(withoutCitedTitles(row.problemText));
  const size = [...problem].length;
  return reports
    .filter((report) => {
      const shared = longestSharedRun(problem, comparable(report.text));
      const named = shared >= Math.ceil(size * NAMED_SHARE);
      const headed = report.headings.some((title) => {
        const core = headingCore(title);
        const len = [...core].length;
        return len >= HEADING_MIN && longestSharedRun(core, cell) >= Math.max(HEADING_MIN, Math.ceil(len * HEADING_SHARE));
      });
      const listed = report.departmentId !== null && row.unitIds.includes(report.departmentId);
      return named || headed || (listed && shared >= DISCUSS_MIN);
    })
    .map((r) => r.id);
}
