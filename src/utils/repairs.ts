import type { Repair } from '../schemas/index.ts';

/** Chinese name of a repair kind, as the 校注 notes show it. */
export function repairKindLabel(kind: Repair['kind']): string {
  switch (kind) {
    case 'page-break-join':
      return '分页接续';
    case 'duplicate':
      return '重复文字';
    case 'unit-name-rejoined':
      return '单位名称接续';
    case 'replacement-character':
      return '乱码字符';
    case 'missing-number':
      return '缺少编号';
    case 'relocated':
      return '位置调整';
    case 'normalised':
      return '格式规范';
    case 'typo-flag':
      return '疑似笔误';
    case 'lost-text':
      return '疑似缺字';
  }
}
