/**
 * The hostile strings of the fixture corpus in tests/hostile/content/, as they must appear on the
 * built pages: shared by the injection test and the property tests (which insert them as garbage).
 */

/** Fragments of the hostile report that a careless pipeline would execute or reinterpret. */
export const HOSTILE_REPORT_FRAGMENTS = [
  '花括号与表达式{globalThis.__pwned = true}',
  '{x}',
  '{/* 注释 */}',
  '{1+1}',
  '{alert(3)}',
  '<script>alert(1)</script>',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(4)>',
  '<iframe srcdoc="<script>alert(5)</script>"></iframe>',
  '<p>片段</p>',
  '</div>',
  '</SourceBlock>',
  '<!-- 注释 -->',
  '<Foo bar={1} />',
  '<DocumentHeader documentId="x" />',
  '<style>body{display:none}</style>',
  '<a href="javascript:alert(6)">点击</a>',
  '[链接](javascript:alert(7))',
  '<https://example.com/>',
  "import pwned from './pwned.js'",
  'export const pwned = (globalThis.__pwned = true)',
  'export default function Page() { return null }',
  '> 引用开头的行应原样显示。',
  '| 竖线 | 表格 | 应原样显示 |',
  '井号 # 标题',
  '*星号强调*',
  '**加粗**',
  '_下划线_',
  '~~删除线~~',
  '分隔线 --- 与 [x](y)',
  '反引号`code`',
  '三个反引号```js```',
  '美元符号$',
  '${x}',
  '$$公式$$',
  'C:\\path\\n',
  '实体&amp;、&lt;script&gt;、&#60;、&#x3C;和&nbsp;',
  '行分隔符\u2028位于句中',
  '零宽字符\u200b空格\u200c非连接\u200d连接\u2060词连接',
  '从右到左标记\u200f和\u202e反向覆盖\u202c都应保留',
];

/** Fragments of the hostile plan package: in titles, tasks, deadlines and table cells. */
export const HOSTILE_PLAN_FRAGMENTS = {
  'cs-2022-hostile-plans-a01': [
    '坚持{x}与<script>alert(1)</script>并重，`import`与${x}同行。',
    '开办企业{props.title}提速<img src=x onerror=alert(1)>。',
    '推行<Foo bar={1} />一网通办。',
    '压缩开办时间到{1+1}个工作日，<p>片段</p>与&lt;script&gt;照录。',
    '2022年{12}月底前',
  ],
  'cs-2022-hostile-plans-a02': [
    '开办企业时间压缩至{days}天以内|竖线|。',
    '优化登记流程[链接](javascript:alert(9))。',
    'export const x = 1',
    '=HYPERLINK("https://example.com/","点击")登记，@SUM(1+1)与+1、-1照录。',
    '=1+1',
    '指标<i>名称</i>',
    '{开办时间}',
    '3<script>alert(10)</script>天',
    '1${x}天',
  ],
} as const;
